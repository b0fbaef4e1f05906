import type { CodeIndex } from '../code/types';
import { loadTemplates } from '../templates/load-templates';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PLAN_BYTES } from '../markdown/bounds';
import { diskSource } from '../utils/file-source';
import { resolveWorkspacePath, WorkspacePathError } from '../utils/workspace-path';
import type { GroundplanOptions } from '../utils/plugin-options';
import type { WorkspaceFacts } from '../workspace/types';
import { findPlans } from './find-plans';
import { formatResults, type Format } from './formatters';
import { lintFailed, lintPlans, type LintResult } from './lint-plan';
import { LintConfigError, type SeverityOverrides } from './severity';
import { createLintWorkspace } from './workspace-view';

export interface LintRunOptions {
  root: string;
  /** Workspace-relative plan files or globs. */
  patterns: string[];
  facts: WorkspaceFacts;
  /** The code index, or how to build it when a plan needs it. */
  code?: CodeIndex | (() => CodeIndex);
  plugin: GroundplanOptions;
  /** Template for plans whose frontmatter names none. */
  template?: string;
  /** This run's severity overrides, over the plugin options' `rules`. */
  rules?: SeverityOverrides;
  format: Format;
  strict?: boolean;
  maxWarnings?: number;
  /** The tool version SARIF records. */
  version: string;
  /** Where the report goes (relative to `outputBase`, default the root), and the option's name for errors. */
  outputFile?: string;
  outputOption?: string;
  outputBase?: string;
  /** The option the patterns came from, for errors. */
  patternsOption?: string;
}

export interface LintRunOutcome {
  results: LintResult[];
  output: string;
  failed: boolean;
  /** The checked absolute path to write the report to, when `outputFile` was given. */
  outputPath?: string;
}

/** Lints plan files on disk: what the executor and `groundplan lint` share. Bad options throw LintConfigError. */
export async function runLint(options: LintRunOptions): Promise<LintRunOutcome> {
  const outputOption = options.outputOption ?? 'outputFile';
  // Checked before anything is linted, and again against the plans found: a report never lands outside the
  // workspace, on a folder, or on one of the plans it reports on.
  const output = (planFiles: string[]) =>
    options.outputFile === undefined ? undefined : checkedPath(() => resolveWorkspacePath(options.root, options.outputFile!, { option: outputOption, kind: 'output', base: options.outputBase, notOneOf: planFiles }).abs);
  output([]);
  const { files, unmatched } = findPlans(options.root, options.patterns, options.patternsOption);
  if (unmatched.length > 0) {
    throw new LintConfigError(`No plan matches ${unmatched.map((p) => `"${p}"`).join(', ')} (paths and globs are relative to the workspace root ${options.root}).`);
  }
  const outputPath = output(files);
  const source = diskSource(options.root);
  const results = await lintPlans(
    files.map((file) => ({ file, text: readPlan(options.root, file) })),
    {
      workspace: createLintWorkspace(options.facts, source, options.code),
      templates: loadTemplates(source, options.plugin.templatesDir),
      template: options.template,
      rules: [options.plugin.rules, options.rules].filter((layer): layer is SeverityOverrides => layer !== undefined),
    },
  );
  return {
    results,
    output: formatResults(results, options.format, options.version),
    failed: lintFailed(results, options),
    outputPath,
  };
}

function checkedPath(resolvePath: () => string): string {
  try {
    return resolvePath();
  } catch (error) {
    if (error instanceof WorkspacePathError) throw new LintConfigError(error.message);
    throw error;
  }
}

/**
 * A plan's text, read with a cap. A plan over the cap is read no further: its first bytes stand for it, and
 * GP000 reports it as too large (parsing it whole would cost seconds and gigabytes).
 */
function readPlan(root: string, file: string): string {
  const path = join(root, file);
  const limit = MAX_PLAN_BYTES + 1;
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(Math.min(fstatSync(fd).size, limit));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}
