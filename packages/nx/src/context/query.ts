import { compoundTerms, MODULE_SYNTAX_IN_PROSE, splitWords, wordPairs, withoutNegated } from '../code/words';

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
  /** How far the text is a long spec rather than a short message, from 0 to 1 (see `verbosityOf`). */
  verbosity: number;
  /** Words only its non-goals use: what the feature leaves alone ("a switch in the admin dashboard's filter UI"). */
  excluded: Set<string>;
}

/**
 * How much a word of the text counts (before a log damping): once per occurrence in the prose, `title` per
 * occurrence in the title, `identifier` for a named identifier as a whole, `pair` for two adjacent words
 * (matched as a phrase against file and declared names), `relatedTool` for a tool that replaces a named one,
 * `scope` for the words of a conventional-commit scope (the area is named: its folders and names match).
 * `longTitle`: a long text's title (a PRD's, the feature's name) counts up to this much more, in proportion to the
 * text's verbosity, after the damping: its body repeats the product's everyday words until they outweigh it (on
 * the PRD set, recall@10 0.461 → 0.482 and the pick 0.821 → 0.857; 2 and 4 chose worse projects).
 */
export const QUERY_WEIGHTS = { title: 2, identifier: 1.5, pair: 2, relatedTool: 1, scope: 0.5, longTitle: 1 };

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

/**
 * How much a section of a Markdown input counts, by its heading. A PRD mixes what to build (requirements,
 * acceptance criteria, the design) with why (problem, background) and what not to build: the first says
 * where the code changes, the second only sets the scene, and the third names code that must not be touched,
 * so it is dropped (its words, identifiers and paths are not looked for). A heading of no known kind takes
 * its parent's weight (`### API` under `## Functional requirements`), and 1 at the top level: a commit body
 * or a task with ad-hoc headings counts as before.
 */
export const SECTION_WEIGHTS: Array<[RegExp, number]> = [
  [/\b(non[- ]?goals?|out[- ]of[- ]scope|not in scope|won'?t (do|have)|will not|excluded|exclusions|future (work|scope)|later phases?|deferred)\b/i, 0],
  [
    /\b(requirements?|acceptance|criteria|specification|spec|user stor(y|ies)|stories|scope|solution|design|proposal|proposed|implementation|changes?|tasks?|api|behaviou?r|definition of done|approach|plan)\b/i,
    1,
  ],
  [/\b(goals?|objectives?|outcomes?)\b/i, 0.7],
  [
    /\b(background|context|problem|motivation|overview|introduction|summary|why|jobs?|personas?|users?|who|forces|success|metrics?|signals?|risks?|open questions?|questions|rollout|release|timeline|appendix|references?|glossary|alternatives?|faq|status|notes?|history)\b/i,
    0.4,
  ],
];

/**
 * A text of up to this many distinct words reads as a commit message, an issue or a task: what it names is the
 * work (half the dev sets' commit messages have at most 7; nine in ten at most 46 on the library set and 16 on
 * the application set). A PRD has a hundred or more (problem, goals, stories, acceptance criteria), most of
 * them the product's everyday words. 20 and 30 measured alike on the commit sets, 15 and 30 on the PRDs.
 */
export const SHORT_TEXT_WORDS = 30;

/** At most this many terms are kept (the strongest): a 256 KiB PRD then costs the ranking what a long one does. */
export const MAX_QUERY_TERMS = 400;

/** A part of the text with the weight of its section. */
interface Section {
  text: string;
  weight: number;
}

export function parseQuery(query: string): ParsedQuery {
  const title =
    query
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? '';
  const rest = query.slice(query.indexOf(title) + title.length);
  const sections = markdownSections(rest);
  // What the text asks for: the title and every section that is not dropped (identifiers and paths alike).
  const kept = [title, ...sections.filter((section) => section.weight > 0).map((section) => section.text)].join('\n');
  const scopes = (title.match(/^\s*[a-z]+\(([^)]+)\)!?:/i)?.[1] ?? '')
    .split(/[,\s]+/)
    .map((scope) => scope.trim().toLowerCase())
    .filter(Boolean);
  const identifiers = unique([
    ...[...kept.matchAll(/`([^`\n]{2,80})`/g)].flatMap(([, code]) => code.match(/[A-Za-z_$][\w$]*/g) ?? []).filter((name) => name.length > 2),
    ...(kept.match(/\b[a-z]+[A-Z][\w$]*|\b[A-Z][a-z0-9]+[A-Z][\w$]*/g) ?? []),
  ]);
  const paths = unique(kept.match(/(?:[\w@.-]+\/)+[\w.-]+|\b[\w-]+(?:\.[\w-]+)*\.(?:tsx?|jsx?|mjs|cjs|json)\b/g) ?? []).filter(
    (path) => !/^https?:/.test(path) && /[a-z]/i.test(path),
  );
  const words = new Map<string, number>();
  // Module syntax the text names (`export default`) is code, not the feature's words.
  const wordsOf = (text: string) => splitWords(text.replace(MODULE_SYNTAX_IN_PROSE, ' '));
  const add = (text: string, weight: number) => {
    for (const word of wordsOf(text)) words.set(word, (words.get(word) ?? 0) + weight);
  };
  const subject = title.replace(/^\s*[a-z]+(\([^)]*\))?!?:/i, '').replace(/^#+\s*/, '');
  for (const section of sections) if (section.weight > 0) add(section.text, section.weight);
  add(subject, QUERY_WEIGHTS.title);
  add(identifiers.join(' '), QUERY_WEIGHTS.identifier - 1);
  for (const term of compoundTerms(identifiers.join(' '))) words.set(term, QUERY_WEIGHTS.identifier);
  if (VERSION_CHANGE.test(kept)) add('version', 1);
  for (const group of INTERCHANGEABLE_TOOLS) {
    if (group.some((tool) => words.has(tool))) for (const tool of group) if (!words.has(tool)) words.set(tool, QUERY_WEIGHTS.relatedTool);
  }
  for (const scope of scopes) add(scope, QUERY_WEIGHTS.scope);
  const lines = [
    ...[...scopes, subject].map((text) => ({ text, weight: 1 })),
    ...sections.flatMap(({ text, weight }) => text.split('\n').map((line) => ({ text: line, weight }))),
  ];
  for (const line of lines) {
    if (line.weight <= 0) continue;
    for (const pair of wordPairs(wordsOf(line.text))) words.set(pair, (words.get(pair) ?? 0) + QUERY_WEIGHTS.pair * line.weight);
  }
  // Below their heading ("Non-goals" is no word of what they exclude).
  const excluded = new Set(sections.filter((s) => s.weight === 0).flatMap((s) => wordsOf(withoutNegated(s.text.slice(s.text.indexOf('\n') + 1)))));
  for (const word of words.keys()) excluded.delete(word);
  for (const [word, weight] of words) words.set(word, weight > 1 ? 1 + Math.log(weight) : weight);
  const strongestWords = strongest(words, MAX_QUERY_TERMS);
  const verbosity = verbosityOf(strongestWords);
  const titleWords = wordsOf(subject);
  for (const word of new Set([...titleWords, ...wordPairs(titleWords)])) {
    const weight = strongestWords.get(word);
    if (weight !== undefined) strongestWords.set(word, weight * (1 + QUERY_WEIGHTS.longTitle * verbosity));
  }
  return { title, text: kept.toLowerCase(), words: strongestWords, scopes, paths, identifiers, verbosity, excluded };
}

/**
 * 0 for a text of at most `SHORT_TEXT_WORDS` distinct words, rising towards 1 as it grows (1 − short/words): a
 * longer text says more of where its work is by itself, and repeats its product's common words as often as
 * its subject.
 */
function verbosityOf(words: Map<string, number>): number {
  let distinct = 0;
  for (const word of words.keys()) if (!word.includes('+') && !word.startsWith('#')) distinct++;
  return distinct <= SHORT_TEXT_WORDS ? 0 : 1 - SHORT_TEXT_WORDS / distinct;
}

/**
 * The text cut at its Markdown headings (outside code fences), each part with the weight of its heading (see
 * `SECTION_WEIGHTS`); text without headings is one part of weight 1.
 */
export function markdownSections(text: string): Section[] {
  const sections: Section[] = [];
  // Open headings by level, each with the weight it gives (undefined: of no known kind).
  const open: Array<{ level: number; weight: number | undefined }> = [];
  let current: string[] = [];
  let weight = 1;
  let fenced = false;
  const flush = () => {
    if (current.some((line) => line.trim())) sections.push({ text: current.join('\n'), weight });
    current = [];
  };
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : line.match(/^(#{1,6})\s+(.*\S)\s*#*\s*$/);
    if (!heading) {
      current.push(line);
      continue;
    }
    flush();
    const level = heading[1].length;
    while (open.length && open[open.length - 1].level >= level) open.pop();
    open.push({ level, weight: SECTION_WEIGHTS.find(([pattern]) => pattern.test(heading[2]))?.[1] });
    weight = [...open].reverse().find((h) => h.weight !== undefined)?.weight ?? 1;
    // A heading's own words belong to its section (`### CSV format` under the requirements).
    current.push(heading[2]);
  }
  flush();
  return sections;
}

function strongest(words: Map<string, number>, max: number): Map<string, number> {
  if (words.size <= max) return words;
  return new Map([...words].sort((a, b) => b[1] - a[1]).slice(0, max));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
