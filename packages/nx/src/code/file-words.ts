import type { CodeSymbol } from './types';
import { splitWords, wordCounts, wordPairs } from './words';

/** Word → count, with no prototype: `constructor` is a word of the code, not Object's. */
export type WordBag = Record<string, number>;

/**
 * The words of a file as the lexical match reads them, beyond its path: computed once when the file is
 * scanned, and cached with the scan (a query then only looks words up).
 */
export interface FileWords {
  /** Counts of every word and compound identifier of the whole text (comments and strings included). */
  body: WordBag;
  /** How many words the text has: its length for BM25's normalisation. */
  length: number;
  /** Declared names of the file and of their members, with the adjacent word pairs of each (`deep+signal`). */
  names: WordBag;
  /**
   * The string arguments of decorators: route paths of controllers and handlers (`@Controller('orders/export')`,
   * `@Get(':id/alerts')`), resolver and message names, Angular selectors (`selector: 'app-order-list'`).
   */
  routes: WordBag;
  /** Top-level signatures, and the docs and decorators of declarations and their members. */
  outline: WordBag;
}

export function fileWords(text: string, symbols: CodeSymbol[], doc: string | undefined): FileWords {
  const body = wordCounts(text);
  let length = 0;
  for (const count of body.values()) length += count;
  const declared = symbols.flatMap((s) => [s.name, ...s.members.map((m) => m.name)]);
  const documented = symbols.flatMap((s) => [s, ...s.members]);
  const outline = [...symbols.map((s) => s.signature), ...documented.flatMap((s) => [s.doc ?? '', ...s.decorators]), doc ?? ''].join(' ');
  const strings = documented
    .flatMap((s) => s.decorators)
    .flatMap((decorator) => [...decorator.matchAll(/['"`]([^'"`]{1,100})['"`]/g)].map(([, value]) => value));
  return {
    body: wordBag(body),
    length,
    names: wordBag(withPairs(wordCounts(declared.join(' ')), declared)),
    routes: wordBag(withPairs(wordCounts(strings.join(' ')), strings)),
    outline: wordBag(wordCounts(outline)),
  };
}

/** A file name's words with their pairs (`deep-signal.ts` → deep, signal, deep+signal). */
export function nameWords(name: string): WordBag {
  return wordBag(withPairs(wordCounts(name), [name]));
}

/** A bag read back from a cache, its prototype dropped (see `WordBag`). */
export function restoredWords(words: FileWords): FileWords {
  for (const bag of [words.body, words.names, words.routes, words.outline]) Object.setPrototypeOf(bag, null);
  return words;
}

export function wordBag(counts: Map<string, number>): WordBag {
  const bag: WordBag = Object.create(null);
  for (const [word, count] of counts) bag[word] = count;
  return bag;
}

/** Adds the adjacent word pairs of each name to its bag. */
function withPairs(bag: Map<string, number>, names: string[]): Map<string, number> {
  for (const name of names) for (const pair of wordPairs(splitWords(name))) bag.set(pair, (bag.get(pair) ?? 0) + 1);
  return bag;
}
