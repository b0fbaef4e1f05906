import { buildContext, DEFAULT_BUDGET } from '../../context/build-context';
import type { ContextPack } from '../../context/types';
import { readTextOption, textInput } from '../../inputs/feature-inputs';
import type { FileSource } from '../../utils/file-source';
import { openWorkspace } from '../../session/open-workspace';
import { asUsageError, parseBudget, parseCommandArgs, UsageError, type Command, type CommandIo } from '../command';

const USAGE = `Usage: groundplan context [project] (--query TEXT | --query-file FILE) [--budget N] [--json]

Shows the context a plan for the feature would be grounded in: the affected project (the named one, or the
best match), the ranked files with their signatures, the existing tests and a diagram, fitted to a token
budget. Run it anywhere inside the workspace.

Options:
  --query TEXT       the feature's text
  --query-file FILE  read the feature's text from FILE (\`-\` for stdin)
  --budget N         token budget of the pack (default ${DEFAULT_BUDGET})
  --json             print {projects, files, tokens, budget, pack} instead of the pack`;

export const contextCommand: Command = {
  name: 'context',
  summary: 'show the ranked context a plan would be grounded in, fitted to a token budget',
  usage: USAGE,
  async run(argv, io) {
    const options = parseOptions(argv);
    const workspace = openWorkspace(io.cwd, { env: io.env });
    const query = await readQuery(options, workspace.source, io);
    const { facts, code, history } = await workspace.snapshot();
    const pack = await buildContext({
      facts,
      source: workspace.source,
      index: code(),
      history: history(),
      query,
      project: options.project,
      budget: options.budget,
    });
    io.stdout(options.json ? `${JSON.stringify(contextJson(pack), null, 2)}\n` : pack.text);
    return 0;
  },
};

interface ContextOptions {
  project?: string;
  query?: string;
  queryFile?: string;
  budget?: number;
  json: boolean;
}

function parseOptions(argv: string[]): ContextOptions {
  const { values, positionals } = parseCommandArgs(argv, {
    query: { type: 'string' },
    'query-file': { type: 'string' },
    budget: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one project, got ${positionals.join(', ')}.`);
  if ((values.query === undefined) === (values['query-file'] === undefined))
    throw new UsageError('give the feature as --query TEXT or --query-file FILE (one of them).');
  return { project: positionals[0], query: values.query, queryFile: values['query-file'], budget: parseBudget(values.budget), json: values.json ?? false };
}

/** Every query goes through the input gate: confined, size and nesting checked, secrets redacted. */
async function readQuery(options: ContextOptions, source: FileSource, io: CommandIo): Promise<string> {
  if (options.queryFile === undefined) return textInput('description', 'query', options.query!, '--query').text;
  const { text } = await asUsageError(() => readTextOption(source, options.queryFile!, '--query-file', io));
  return textInput('description', options.queryFile, text, `--query-file ${options.queryFile}`).text;
}

/** The documented JSON shape, best first; `pack` is the exact text a model would be shown. */
export function contextJson(pack: ContextPack) {
  return {
    affected: pack.affected.name,
    projects: pack.projects.map(({ name, root, score, why }) => ({ name, root, score, why })),
    files: pack.files.map(({ path, score, why, tokens }) => ({ path, score, why, tokens })),
    specs: pack.specs,
    notes: pack.notes,
    tokens: pack.tokens,
    budget: pack.budget,
    pack: pack.text,
  };
}
