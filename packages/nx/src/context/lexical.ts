import { posix } from 'node:path';
import type { IndexedFile } from '../code/types';
import { nameWords, wordBag, type WordBag } from '../code/file-words';
import { wordCounts } from '../code/words';

/**
 * BM25F: each field's term counts are weighted and summed before the saturation, so a word in a file's name or
 * in a declared name counts several times more than the same word in its body. File and declared names also
 * hold their word pairs (`deep-signal.ts` → `deep+signal`), which the query's adjacent words match as phrases.
 */
export const BM25F = { fields: { folder: 2, file: 6, names: 2, routes: 3, outline: 1, body: 1 }, k1: 1.2, b: 0.4 };

/**
 * Where an engineer looks first: a query word in the file's name, its folder, a declared name or a route.
 * BM25F saturates every word alike, so a word the body repeats (`update`, `publish`) counts as much as the
 * word that names the file (`session.service.ts`); this term, outside the saturation, counts the best such
 * place of each word once, in the word's weight and IDF.
 */
export const NAME_MATCH = { file: 1, folder: 0.4, names: 0.5, routes: 0.5 };

export interface LexicalMatch {
  score: number;
  /** Query words found in the path or in declared names, best first: what the `why` quotes. */
  matched: string[];
}

interface Fields {
  folder: WordBag;
  file: WordBag;
  names: WordBag;
  /** What the file answers to from outside: route paths (`@Controller('export')`, `@Get('alerts')`), component selectors. */
  routes: WordBag;
  outline: WordBag;
  body: WordBag;
  length: number;
}

export function lexicalScores(files: IndexedFile[], words: Map<string, number>): Map<string, LexicalMatch> {
  const averageLength = files.reduce((sum, file) => sum + file.words.length, 0) / Math.max(1, files.length);
  // Only a file holding one of the words in its text or path can match (names and signatures are in the text).
  const matching = files.filter((file) => mayMatch(file, words));
  const fields = matching.map(fieldsOf);
  const documentFrequency = new Map<string, number>();
  for (const word of words.keys()) {
    documentFrequency.set(word, fields.filter((f) => f.body[word] || f.folder[word] || f.file[word] || f.names[word] || f.routes[word]).length);
  }
  const weights = BM25F.fields;
  const scores = new Map<string, LexicalMatch>();
  matching.forEach((file, i) => {
    const f = fields[i];
    const norm = 1 - BM25F.b + (BM25F.b * f.length) / averageLength;
    let score = 0;
    const matched: Array<[string, number]> = [];
    for (const [word, weight] of words) {
      const df = documentFrequency.get(word)!;
      if (df === 0) continue;
      const tf =
        weights.folder * (f.folder[word] ?? 0) +
        weights.file * (f.file[word] ?? 0) +
        weights.names * (f.names[word] ?? 0) +
        weights.routes * (f.routes[word] ?? 0) +
        weights.outline * (f.outline[word] ?? 0) +
        weights.body * (f.body[word] ?? 0);
      if (tf === 0) continue;
      const idf = Math.log(1 + (files.length - df + 0.5) / (df + 0.5));
      const placed = Math.max(
        f.file[word] ? NAME_MATCH.file : 0,
        f.folder[word] ? NAME_MATCH.folder : 0,
        f.names[word] ? NAME_MATCH.names : 0,
        f.routes[word] ? NAME_MATCH.routes : 0,
      );
      const contribution = (weight * idf * (tf / norm) * (BM25F.k1 + 1)) / (tf / norm + BM25F.k1) + weight * idf * placed;
      score += contribution;
      if (placed > 0 && !word.startsWith('#')) matched.push([word, contribution]);
    }
    if (score > 0) scores.set(file.path, { score, matched: matched.sort((a, b) => b[1] - a[1]).map(([word]) => readable(word)) });
  });
  return scores;
}

function mayMatch(file: IndexedFile, words: Map<string, number>): boolean {
  const path = file.path.toLowerCase();
  for (const word of words.keys()) if (file.words.body[word] || (!word.includes('+') && path.includes(word.slice(0, 4)))) return true;
  return false;
}

function fieldsOf(file: IndexedFile): Fields {
  const { body, length, names, routes, outline } = file.words;
  return {
    folder: wordBag(wordCounts(posix.dirname(file.path))),
    file: nameWords(posix.basename(file.path).replace(/\.[^.]+$/, '')),
    names,
    routes,
    outline,
    body,
    length,
  };
}

/** How a matched term reads in a `why`: `deep+signal` as "deep signal". */
function readable(term: string): string {
  return term.replace('+', ' ');
}
