import { readChangeHistory } from '../code/change-history';
import { indexWorkspace } from '../code/index-workspace';
import type { CodeIndex } from '../code/types';
import type { FileSource } from '../utils/file-source';
import { redactSecrets } from '../utils/secrets';
import { estimateTokens } from '../utils/tokens';
import { dependentsOf, findCycles, projectEdges } from './project-edges';
import { parseQuery, type ParsedQuery } from './query';
import { rankWorkspace, type Ranking } from './rank';
import { projectDiagram, renderFile, renderHeader, renderList, runnersUp } from './render';
import { selectSymbols } from './select-symbols';
import { existingTestsFinder, featureTests } from './existing-tests';
import type { ContextPack, ContextRequest, RankedFile } from './types';

export const DEFAULT_BUDGET = 8000;
/** Files past this rank never fit a sensible budget; not rendering them keeps the fit fast. */
const MAX_CANDIDATE_FILES = 400;
const MAX_FILE_NOTES = 10;

/** A request the engine cannot answer: a named project that does not exist, a budget that is not a number. */
export class ContextError extends Error {}

/**
 * The context engine: indexes the code (cached), ranks projects and files against the feature's text, and
 * renders as many of the best files as fit the token budget (a binary search on how many are included).
 */
export async function buildContext(request: ContextRequest): Promise<ContextPack> {
  const budget = checkedBudget(request);
  const index =
    request.index ?? indexWorkspace({ projects: request.facts.projects, source: request.source, fileMap: request.fileMap, cacheDir: request.cacheDir });
  const query = parseQuery(request.query);
  const edges = projectEdges(request.facts.projects, index.files.values());
  const history = request.history ?? readChangeHistory(request.source.root, request.cacheDir);
  const ranking = rankWorkspace(request.facts.projects, index, edges, query, request.project, history);
  const diagram = projectDiagram(edges, ranking.affected.name, runnersUp(ranking.projects));
  const header = renderHeader({ query: request.query, facts: request.facts, edges, affected: ranking.affected, projects: ranking.projects, diagram });
  const notes = contextNotes(request, index, query, ranking, findCycles(edges));
  const candidates = rankedFiles(ranking, query);
  const suites = featureTests(index, query);
  const specsOf = existingTestsFinder(index, suites);
  const render = (count: number) => {
    const included = candidates.first(count);
    const specs = specsOf(
      included.map(({ file }) => index.files.get(file.path)!),
      ranking.affected.name,
    );
    return {
      specs,
      text: renderPack(
        header,
        included.map(({ block }) => block),
        specs,
        notes,
      ),
    };
  };
  const count = largestFitting(candidates.count, (n) => estimateTokens(render(n).text.length) <= budget);
  if (count === 0 && estimateTokens(render(0).text.length) > budget) notes.push(`Even without files the pack is over the budget of ${budget} tokens.`);
  const pack = render(count);
  return {
    affected: ranking.affected,
    projects: ranking.projects,
    files: candidates.first(count).map(({ file }) => file),
    specs: pack.specs,
    featureTests: Object.fromEntries(suites),
    diagram,
    neighbours: { dependencies: [...(edges.get(ranking.affected.name) ?? [])].sort(), dependents: dependentsOf(edges, ranking.affected.name) },
    budget,
    tokens: estimateTokens(pack.text.length),
    text: pack.text,
    notes,
  };
}

function checkedBudget(request: ContextRequest): number {
  const budget = request.budget ?? DEFAULT_BUDGET;
  if (!Number.isFinite(budget) || budget <= 0) throw new ContextError(`The token budget must be a positive number, not ${budget}.`);
  const known = Object.keys(request.facts.projects).sort();
  if (known.length === 0) throw new ContextError('The workspace has no projects in its Nx project graph.');
  if (request.project !== undefined && !request.facts.projects[request.project]) {
    throw new ContextError(`Project "${request.project}" is not in the workspace's project graph. Known projects: ${known.join(', ')}.`);
  }
  return budget;
}

interface RenderedFile {
  file: RankedFile;
  block: string;
}

/**
 * The best files with their symbols, each rendered once and only when the fit asks for it (a budget holds a few
 * dozen of the candidates): the fit only joins blocks.
 */
function rankedFiles(ranking: Ranking, query: ParsedQuery): { count: number; first(count: number): RenderedFile[] } {
  const best = ranking.files.slice(0, MAX_CANDIDATE_FILES);
  const rendered: RenderedFile[] = [];
  return {
    count: best.length,
    first(count) {
      for (const { file, score, why } of best.slice(rendered.length, count)) {
        const ranked: RankedFile = { path: file.path, project: file.project, role: file.role, score, why, symbols: selectSymbols(file, query), tokens: 0 };
        // Masked here, so the pack `groundplan context` shows is the pack a model is sent.
        const block = redactSecrets(renderFile(ranked, file.doc));
        ranked.tokens = estimateTokens(block.length);
        rendered.push({ file: ranked, block });
      }
      return rendered.slice(0, count);
    },
  };
}

function renderPack(header: string, blocks: string[], specs: string[], notes: string[]): string {
  return [header, blocks.length ? `## Files, most relevant first\n\n${blocks.join('\n')}` : '', renderList('Existing tests', specs), renderList('Notes', notes)]
    .filter(Boolean)
    .join('\n');
}

/**
 * The largest number of files whose pack fits the budget (the pack grows with every file added), by a binary
 * search on the estimate. A model's own count is fitted by the drafter, which rebuilds the pack smaller.
 */
function largestFitting(upTo: number, fits: (count: number) => boolean): number {
  let [low, high] = [0, Math.max(0, upTo)];
  // Doubling first, so the files rendered are at most about twice those that fit, not all the candidates.
  for (let step = 8; step < high; step *= 2) {
    if (!fits(step)) {
      high = step - 1;
      break;
    }
    low = step;
  }
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** What the reader should know about what was left out or could not be read. */
function contextNotes(request: ContextRequest, index: CodeIndex, query: ParsedQuery, ranking: Ranking, cycles: string[][]): string[] {
  const notes: string[] = [];
  if (query.words.size === 0 && query.scopes.length === 0) notes.push('The query is empty: files are ranked by their place in the import graph alone.');
  if (!request.project) notes.push(`No project was named: \`${ranking.affected.name}\` ranks first (${ranking.affected.why}).`);
  const unread = [...index.skipped, ...index.warnings];
  for (const { path, reason } of unread.slice(0, MAX_FILE_NOTES)) notes.push(`\`${path}\`: ${reason}.`);
  if (unread.length > MAX_FILE_NOTES) notes.push(`${unread.length - MAX_FILE_NOTES} more files skipped or read in part.`);
  for (const cycle of cycles) notes.push(`Circular project dependency: ${cycle.join(' → ')}.`);
  const affected = request.facts.projects[ranking.affected.name];
  if (affected?.root && !hasTsconfig(request.source, affected.root)) {
    notes.push(`\`${affected.name}\` has no tsconfig*.json: its files were read by syntax alone, imports resolved through the root tsconfig.`);
  }
  return notes;
}

function hasTsconfig(source: FileSource, root: string): boolean {
  return source.list(root).some((name) => /^tsconfig.*\.json$/.test(name));
}
