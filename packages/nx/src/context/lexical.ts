import { posix } from 'node:path';
import type { IndexedFile } from '../code/types';
import { nameWords } from '../code/file-words';
import { countsOf, wordCounts } from '../code/words';

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
  /** Only the names of its folders hold query words: not its own name, a declared name or a route. */
  folderOnly: boolean;
}

/** A file's counts of the query's words, field by field (only the query's words: see `countsOf`). */
interface Fields {
  folder: Map<string, number>;
  file: Map<string, number>;
  names: Map<string, number>;
  /** What the file answers to from outside: route paths (`@Controller('export')`, `@Get('alerts')`), component selectors. */
  routes: Map<string, number>;
  outline: Map<string, number>;
  body: Map<string, number>;
  length: number;
}

/**
 * `verbosity` (0–1, see `ParsedQuery`) weighs each of the text's words by its IDF to that power, on top of
 * BM25's own IDF. A PRD repeats its product's everyday words (`field`, `record`, `view` in a spreadsheet app)
 * as often as its subject (`kanban`), and files matching many everyday words outranked the subject's own;
 * weighting a long text's words by tf·idf is how "more like this" search picks a document's terms. On the
 * PRD set (bench/retrieval, with the priors already scaled) recall@10 rose from 0.455 to 0.461, recall@20 from
 * 0.556 to 0.601 and the pick from 0.750 to 0.821 (idf to the powers 1.5 and 2 gave the same or less); a
 * commit message is short (verbosity 0) and ranks as before.
 */
export function lexicalScores(files: IndexedFile[], words: Map<string, number>, verbosity = 0): Map<string, LexicalMatch> {
  const averageLength = files.reduce((sum, file) => sum + file.words.length, 0) / Math.max(1, files.length);
  const wanted = new Set(words.keys());
  // Only a file holding one of the words in its text or path can match (names and signatures are in the text).
  const matching: IndexedFile[] = [];
  const fields: Fields[] = [];
  // A folder's words, counted once for all its files.
  const folders = new Map<string, Map<string, number>>();
  for (const file of files) {
    const body = countsOf(file.words.body, wanted);
    if (body.size > 0 || pathMayMatch(file, wanted)) {
      const folder = posix.dirname(file.path);
      if (!folders.has(folder)) folders.set(folder, countsOf(wordCounts(folder), wanted));
      matching.push(file);
      fields.push(fieldsOf(file, body, folders.get(folder)!, wanted));
    }
  }
  const documentFrequency = new Map<string, number>();
  for (const word of words.keys()) {
    documentFrequency.set(
      word,
      fields.filter((f) => f.body.has(word) || f.folder.has(word) || f.file.has(word) || f.names.has(word) || f.routes.has(word)).length,
    );
  }
  const weights = BM25F.fields;
  // Each word's weight in the text times its IDF (and, for a long text, its IDF to the verbosity): once per word.
  const termWeights = new Map<string, number>();
  for (const [word, weight] of words) {
    const df = documentFrequency.get(word)!;
    if (df === 0) continue;
    const idf = inverseDocumentFrequency(df, files.length);
    termWeights.set(word, weight * idf * (verbosity > 0 ? idf ** verbosity : 1));
  }
  const scores = new Map<string, LexicalMatch>();
  matching.forEach((file, i) => {
    const f = fields[i];
    const norm = 1 - BM25F.b + (BM25F.b * f.length) / averageLength;
    let score = 0;
    const matched: Array<[string, number]> = [];
    let named = false;
    for (const [word, termWeight] of termWeights) {
      const tf =
        weights.folder * (f.folder.get(word) ?? 0) +
        weights.file * (f.file.get(word) ?? 0) +
        weights.names * (f.names.get(word) ?? 0) +
        weights.routes * (f.routes.get(word) ?? 0) +
        weights.outline * (f.outline.get(word) ?? 0) +
        weights.body * (f.body.get(word) ?? 0);
      if (tf === 0) continue;
      const placed = Math.max(
        f.file.has(word) ? NAME_MATCH.file : 0,
        f.folder.has(word) ? NAME_MATCH.folder : 0,
        f.names.has(word) ? NAME_MATCH.names : 0,
        f.routes.has(word) ? NAME_MATCH.routes : 0,
      );
      const contribution = termWeight * (saturated(tf / norm, BM25F.k1) + placed);
      score += contribution;
      if (placed > 0 && !word.startsWith('#')) matched.push([word, contribution]);
      if (f.file.has(word) || f.names.has(word) || f.routes.has(word)) named = true;
    }
    if (score > 0)
      scores.set(file.path, { score, matched: matched.sort((a, b) => b[1] - a[1]).map(([word]) => readable(word)), folderOnly: !named && matched.length > 0 });
  });
  return scores;
}

/** BM25's weight of a word found in `df` of `count` documents (Lucene's form, never negative). */
export function inverseDocumentFrequency(df: number, count: number): number {
  return Math.log(1 + (count - df + 0.5) / (df + 0.5));
}

/** BM25's term frequency, saturating at `k1 + 1`: `tf` already divided by the document's length norm. */
export function saturated(tf: number, k1: number): number {
  return (tf * (k1 + 1)) / (tf + k1);
}

/** A query word's first four letters in the path: the file may match by its name even without the word in its text. */
function pathMayMatch(file: IndexedFile, wanted: Set<string>): boolean {
  const path = file.path.toLowerCase();
  for (const word of wanted) if (!word.includes('+') && path.includes(word.slice(0, 4))) return true;
  return false;
}

function fieldsOf(file: IndexedFile, body: Map<string, number>, folder: Map<string, number>, wanted: Set<string>): Fields {
  const { length, names, routes, outline } = file.words;
  return {
    folder,
    file: countsOf(nameWords(posix.basename(file.path).replace(/\.[^.]+$/, '')), wanted),
    names: countsOf(names, wanted),
    routes: countsOf(routes, wanted),
    outline: countsOf(outline, wanted),
    body,
    length,
  };
}

/** How a matched term reads in a `why`: `deep+signal` as "deep signal". */
function readable(term: string): string {
  return term.replace('+', ' ');
}
