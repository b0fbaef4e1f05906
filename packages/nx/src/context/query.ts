import { compoundTerms, splitWords, wordPairs } from '../code/words';

/** What the ranking reads out of the feature's text. */
export interface ParsedQuery {
  /** First non-empty line: a commit subject, a PRD title. */
  title: string;
  /** Lower-cased full text, for phrase mentions. */
  text: string;
  /** Word → weight; words of the title and of identifiers count more than words of the prose. */
  words: Map<string, number>;
  /** Conventional-commit scopes of the title, `feat(store,effects):` → store, effects. */
  scopes: string[];
  /** Path-like mentions, `libs/orders/src/x.ts`, `orders.service.ts`. */
  paths: string[];
  /** Code identifiers named in the text: camelCase, PascalCase, or `in backticks`. */
  identifiers: string[];
}

/**
 * How much a word of the text counts (before a log damping): once per occurrence in the prose, `title` per
 * occurrence in the title, `identifier` for a named identifier as a whole, `pair` for two adjacent words
 * (matched as a phrase against file and declared names), `relatedTool` for a tool that replaces a named one,
 * `scope` for the words of a conventional-commit scope (the area is named: its folders and names match).
 */
export const QUERY_WEIGHTS = { title: 2, identifier: 1.5, pair: 2, relatedTool: 1, scope: 0.5 };

/**
 * Tools that replace one another: moving to one (`migrate to Vitest`) changes the files of the other
 * (`jest.config.ts`), so naming one also looks for the others, as for a word of the prose.
 */
const INTERCHANGEABLE_TOOLS = [
  ['jest', 'vitest', 'karma', 'jasmine', 'mocha'],
  ['webpack', 'vite', 'esbuild', 'rollup', 'rspack'],
  ['eslint', 'tslint', 'biome', 'oxlint'],
  ['cypress', 'playwright'],
  ['npm', 'yarn', 'pnpm', 'bun'],
];

/** A version number or an upgrade: the change usually lands where versions are pinned. */
const VERSION_CHANGE = /\b(v?\d+\.\d+(\.\d+)?|upgrade[sd]?|bump(s|ed)?)\b/i;

export function parseQuery(query: string): ParsedQuery {
  const title = query.split('\n').find((line) => line.trim())?.trim() ?? '';
  const scopes = (title.match(/^\s*[a-z]+\(([^)]+)\)!?:/i)?.[1] ?? '')
    .split(/[,\s]+/)
    .map((scope) => scope.trim().toLowerCase())
    .filter(Boolean);
  const identifiers = unique([
    ...[...query.matchAll(/`([^`\n]{2,80})`/g)].flatMap(([, code]) => code.match(/[A-Za-z_$][\w$]*/g) ?? []).filter((name) => name.length > 2),
    ...(query.match(/\b[a-z]+[A-Z][\w$]*|\b[A-Z][a-z0-9]+[A-Z][\w$]*/g) ?? []),
  ]);
  const paths = unique(query.match(/(?:[\w@.-]+\/)+[\w.-]+|\b[\w-]+(?:\.[\w-]+)*\.(?:tsx?|jsx?|mjs|cjs|json)\b/g) ?? []).filter(
    (path) => !/^https?:/.test(path) && /[a-z]/i.test(path),
  );
  const words = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of splitWords(text)) words.set(word, (words.get(word) ?? 0) + weight);
  };
  const subject = title.replace(/^\s*[a-z]+(\([^)]*\))?!?:/i, '');
  const body = query.slice(query.indexOf(title) + title.length);
  add(body, 1);
  add(subject, QUERY_WEIGHTS.title);
  add(identifiers.join(' '), QUERY_WEIGHTS.identifier - 1);
  for (const term of compoundTerms(identifiers.join(' '))) words.set(term, QUERY_WEIGHTS.identifier);
  if (VERSION_CHANGE.test(query)) add('version', 1);
  for (const group of INTERCHANGEABLE_TOOLS) {
    if (group.some((tool) => words.has(tool))) for (const tool of group) if (!words.has(tool)) words.set(tool, QUERY_WEIGHTS.relatedTool);
  }
  for (const scope of scopes) add(scope, QUERY_WEIGHTS.scope);
  for (const line of [...scopes, subject, ...body.split('\n')]) {
    for (const pair of wordPairs(splitWords(line))) words.set(pair, (words.get(pair) ?? 0) + QUERY_WEIGHTS.pair);
  }
  for (const [word, weight] of words) words.set(word, weight > 1 ? 1 + Math.log(weight) : weight);
  return { title, text: query.toLowerCase(), words, scopes, paths, identifiers };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
