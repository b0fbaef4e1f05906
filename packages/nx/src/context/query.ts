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

const TITLE_WEIGHT = 2;
const IDENTIFIER_WEIGHT = 1.5;
/** Adjacent words of the text, matched as a phrase against file and declared names. */
const PAIR_WEIGHT = 1;
/**
 * Tools that replace one another: moving to one (`migrate to Vitest`) changes the files of the other
 * (`jest.config.ts`), so naming one also looks, more weakly, for the rest.
 */
const INTERCHANGEABLE_TOOLS = [
  ['jest', 'vitest', 'karma', 'jasmine', 'mocha'],
  ['webpack', 'vite', 'esbuild', 'rollup', 'rspack'],
  ['eslint', 'tslint', 'biome', 'oxlint'],
  ['cypress', 'playwright'],
  ['npm', 'yarn', 'pnpm', 'bun'],
];
const RELATED_TOOL_WEIGHT = 0.5;
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
  add(query.slice(query.indexOf(title) + title.length), 1);
  add(title.replace(/^\s*[a-z]+(\([^)]*\))?!?:/i, ''), TITLE_WEIGHT);
  add(identifiers.join(' '), IDENTIFIER_WEIGHT - 1);
  for (const term of compoundTerms(identifiers.join(' '))) words.set(term, IDENTIFIER_WEIGHT);
  if (VERSION_CHANGE.test(query)) add('version', 1);
  for (const group of INTERCHANGEABLE_TOOLS) {
    if (group.some((tool) => words.has(tool))) for (const tool of group) if (!words.has(tool)) words.set(tool, RELATED_TOOL_WEIGHT);
  }
  for (const line of query.split('\n')) for (const pair of wordPairs(splitWords(line))) words.set(pair, (words.get(pair) ?? 0) + PAIR_WEIGHT);
  for (const [word, weight] of words) words.set(word, 1 + Math.log(weight));
  return { title, text: query.toLowerCase(), words, scopes, paths, identifiers };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
