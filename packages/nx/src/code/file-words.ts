import type { CodeSymbol } from './types';
import { countWords, MODULE_SYNTAX_IN_CODE, splitWords, termList, wordCounts, wordPairs, type WordList } from './words';

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
  const { list: body, total: length } = countWords(text.replace(MODULE_SYNTAX_IN_CODE, ' '));
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

/** Adds the adjacent word pairs of each name to its words (a pair, `a+b`, is never a word). */
function withPairs(words: WordList, names: string[]): WordList {
  return words + termList(names.flatMap((name) => wordPairs(splitWords(name))));
}
