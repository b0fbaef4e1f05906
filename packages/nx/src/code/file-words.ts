import type { CodeSymbol } from './types';
import { MODULE_SYNTAX_IN_CODE, splitWords, wordCounts, wordPairs, type WordList } from './words';

/**
 * The words of a file as the lexical match reads them, beyond its path: computed once when the file is
 * scanned, and cached with the scan.
 */
export interface FileWords {
  /** Every word and compound identifier of the whole text (comments and strings included). */
  body: WordList;
  /** How many words the text has: its length for BM25's normalisation. */
  length: number;
  /** Declared names of the file and of their members, with the adjacent word pairs of each (`deep+signal`). */
  names: WordList;
  /**
   * The string arguments of decorators: route paths of controllers and handlers (`@Controller('orders/export')`,
   * `@Get(':id/alerts')`), resolver and message names, Angular selectors (`selector: 'app-order-list'`).
   */
  routes: WordList;
  /** Top-level signatures, and the docs and decorators of declarations and their members. */
  outline: WordList;
}

export function fileWords(text: string, symbols: CodeSymbol[], doc: string | undefined): FileWords {
  const body = wordCounts(text.replace(MODULE_SYNTAX_IN_CODE, ' '));
  let length = 0;
  for (let at = 1; at < body.length; at += 2) length += body[at] as number;
  const declared = symbols.flatMap((s) => [s.name, ...s.members.map((m) => m.name)]);
  const documented = symbols.flatMap((s) => [s, ...s.members]);
  const outline = [
    ...symbols.map((s) => s.signature.replace(MODULE_SYNTAX_IN_CODE, ' ')),
    ...documented.flatMap((s) => [s.doc ?? '', ...s.decorators]),
    doc ?? '',
  ].join(' ');
  const strings = documented
    .flatMap((s) => s.decorators)
    .flatMap((decorator) => [...decorator.matchAll(/['"`]([^'"`]{1,100})['"`]/g)].map(([, value]) => value));
  return {
    body,
    length,
    names: withPairs(wordCounts(declared.join(' ')), declared),
    routes: withPairs(wordCounts(strings.join(' ')), strings),
    outline: wordCounts(outline),
  };
}

/** A file name's words with their pairs (`deep-signal.ts` → deep, signal, deep+signal). */
export function nameWords(name: string): WordList {
  return withPairs(wordCounts(name), [name]);
}

/** How many times `word` is in the list (0 when it is not). */
export function countOf(list: WordList, word: string): number {
  for (let at = 0; at < list.length; at += 2) if (list[at] === word) return list[at + 1] as number;
  return 0;
}

/** Whether the list holds any of the `wanted` words, in one pass. */
export function hasAny(list: WordList, wanted: Set<string>): boolean {
  for (let at = 0; at < list.length; at += 2) if (wanted.has(list[at] as string)) return true;
  return false;
}

/** The counts of the `wanted` words in the list, in one pass: what a query needs of a file. */
export function countsOf(list: WordList, wanted: Set<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = 0; at < list.length; at += 2) if (wanted.has(list[at] as string)) counts.set(list[at] as string, list[at + 1] as number);
  return counts;
}

/** Adds the adjacent word pairs of each name to its words (a pair, `a+b`, is never a word). */
function withPairs(words: WordList, names: string[]): WordList {
  const pairs = new Map<string, number>();
  for (const name of names) for (const pair of wordPairs(splitWords(name))) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  for (const [pair, count] of pairs) words.push(pair, count);
  return words;
}
