import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FORMATS, isFormat, type Format } from '../../lint/formatters';
import { runLint } from '../../lint/run-lint';
import type { SeverityOverrides } from '../../lint/severity';
import { packageVersion } from '../../utils/package-version';
import { openWorkspace } from '../../session/open-workspace';
import { parseCommandArgs, UsageError, workspacePatterns, type Command, type CommandIo } from '../command';

const USAGE = `Usage: groundplan lint <plan.md | glob>... [--format stylish|json|sarif] [--output-file FILE]
                      [--template ID] [--rule ID=SEVERITY]... [--strict] [--max-warnings N]
                      [--against REF|base]

Checks plans against their templates and against the workspace: required sections, placeholders,
checklists, forbidden content, and whether the paths, projects, symbols and dependencies they name are
real. Paths and globs are relative to the current folder, inside an Nx workspace. Quote globs.

Options:
  --format F         stylish (default), json, or sarif (for code scanning)
  --output-file F    write the report to F instead of stdout
  --template ID      template for plans whose frontmatter names none
  --rule ID=SEV      set a rule's severity (error, warning, off) by id or slug; repeatable
  --strict           fail on warnings too
  --max-warnings N   fail when there are more than N warnings
  --against REF      also check the checklist against git: what changed since REF (git diff REF...,
                     staged and working tree): ticked items with no change, unticked ones that look
                     done, unplanned changes, ticked items whose files are missing. "base": the
                     commit each plan records

Exit code: 0 when clean, 1 on errors (or warnings, under --strict / --max-warnings), 2 on bad usage.`;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check plans against their templates and the workspace (stylish, JSON or SARIF)',
  usage: USAGE,
  async run(argv, io) {
    const options = parseOptions(argv);
    const workspace = openWorkspace(io.cwd, { env: io.env });
    const outcome = await runLint({
      workspace,
      patterns: workspacePatterns(workspace.root, io.cwd, options.patterns),
      template: options.template,
      rules: options.rules,
      format: options.format,
      strict: options.strict,
      maxWarnings: options.maxWarnings,
      outputFile: options.outputFile,
      outputOption: '--output-file',
      outputBase: io.cwd,
      patternsOption: 'groundplan lint',
      against: options.against,
      version: packageVersion(),
    });
    writeReport(outcome.output, outcome.outputPath, options.outputFile, io);
    return outcome.failed ? 1 : 0;
  },
};

interface LintCliOptions {
  patterns: string[];
  format: Format;
  outputFile?: string;
  template?: string;
  rules: SeverityOverrides;
  strict: boolean;
  maxWarnings?: number;
  against?: string;
}

function parseOptions(argv: string[]): LintCliOptions {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', default: 'stylish' },
    'output-file': { type: 'string' },
    template: { type: 'string' },
    rule: { type: 'string', multiple: true },
    strict: { type: 'boolean', default: false },
    'max-warnings': { type: 'string' },
    against: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('name the plans to lint: files or globs such as "apps/*/product-development/**/plan.md".');
  const format = values.format ?? 'stylish';
  if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !Number.isInteger(maxWarnings))
    throw new UsageError(`--max-warnings must be a whole number, not "${values['max-warnings']}".`);
  return {
    patterns: positionals,
    format,
    outputFile: values['output-file'],
    template: values.template,
    rules: Object.fromEntries((values.rule ?? []).map(parseRule)),
    strict: values.strict ?? false,
    maxWarnings,
    against: values.against,
  };
}

function parseRule(entry: string): [string, SeverityOverrides[string]] {
  const match = /^([\w-]+)=(error|warning|warn|off)$/.exec(entry);
  if (!match) throw new UsageError(`--rule takes ID=SEVERITY (e.g. GP004=off or forbidden-content=warning), not "${entry}".`);
  return [match[1], match[2] as SeverityOverrides[string]];
}

/** `path` was checked by runLint: inside the workspace, not a folder, not one of the plans linted. */
function writeReport(output: string, path: string | undefined, outputFile: string | undefined, io: CommandIo): void {
  if (!path || !outputFile) {
    io.stdout(output);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, output);
  io.stderr(`groundplan lint: report written to ${outputFile}\n`);
}
