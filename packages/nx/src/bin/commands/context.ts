import { workspaceDataDir } from '../../code/index-cache';
import { nxProjectFileMap } from '../../workspace/nx-file-map';
import { buildContext, DEFAULT_BUDGET } from '../../context/build-context';
import type { ContextPack } from '../../context/types';
import { readInputFile, readStdinInput, textInput } from '../../inputs/feature-inputs';
import { diskSource } from '../../utils/file-source';
import { asUsageError, parseCommandArgs, UsageError, type Command, type CommandIo } from '../command';

const USAGE = `Usage: groundplan context [project] (--query TEXT | --query-file FILE) [--budget N] [--json]

Shows the context a plan for the feature would be grounded in: the affected project (the named one, or the
best match), the ranked files with their signatures, the existing tests and a diagram, fitted to a token
budget. Run it in the workspace root.

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
    // Every query goes through the input gate: size and nesting checked, secrets redacted.
    const query =
      options.queryFile !== undefined ? textInput('description', options.queryFile, await readQuery(options.queryFile, io), `--query-file ${options.queryFile}`).text : textInput('description', 'query', options.query!, '--query').text;
    const root = io.cwd;
    // Loaded here, not at start-up: Nx binds to a workspace root when first loaded, and other commands need no Nx.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { computeProjectGraph, readWorkspaceFacts } = require('../../workspace/read-workspace') as typeof import('../../workspace/read-workspace');
    const graph = await computeProjectGraph(root);
    const source = diskSource(root);
    const pack = await buildContext({
      facts: readWorkspaceFacts(graph, source),
      source,
      query,
      project: options.project,
      budget: options.budget,
      fileMap: await nxProjectFileMap(graph),
      cacheDir: workspaceDataDir(root, io.env),
    });
    io.stdout(options.json ? `${JSON.stringify(asJson(pack), null, 2)}\n` : pack.text);
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
  const { values, positionals } = parseCommandArgs(argv, { query: { type: 'string' }, 'query-file': { type: 'string' }, budget: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (positionals.length > 1) throw new UsageError(`expected at most one project, got ${positionals.join(', ')}.`);
  if ((values.query === undefined) === (values['query-file'] === undefined)) throw new UsageError('give the feature as --query TEXT or --query-file FILE (one of them).');
  const budget = values.budget === undefined ? undefined : Number(values.budget);
  if (budget !== undefined && !(Number.isInteger(budget) && budget > 0)) throw new UsageError(`--budget must be a positive whole number of tokens, not "${values.budget}".`);
  return { project: positionals[0], query: values.query, queryFile: values['query-file'], budget, json: values.json ?? false };
}

async function readQuery(file: string, io: CommandIo): Promise<string> {
  if (file === '-') {
    if (!io.stdin) throw new UsageError('--query-file - reads stdin, but there is none.');
    return readStdinInput(io.stdin, '--query-file -');
  }
  // Confined to the workspace, a regular file within the input cap, never a secrets file.
  return asUsageError(() => readInputFile(diskSource(io.cwd), file, '--query-file', io.cwd)).text;
}

/** The documented JSON shape, best first; `pack` is the exact text a model would be shown. */
function asJson(pack: ContextPack) {
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
