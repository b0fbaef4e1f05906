import type { RankedFile } from '../../context/types';
import { splitWords as keywords } from '../../code/words';

/** Ranks the context's files against a text by shared keywords, weighting rare words higher (IDF). */
export class FileMatcher {
  private readonly words = new Map<string, Set<string>>();
  private readonly idf = new Map<string, number>();
  /** Declared names (symbols and their members) → files that declare them. */
  private readonly declaring = new Map<string, Set<string>>();

  constructor(private readonly files: RankedFile[]) {
    for (const file of files) {
      this.words.set(file.path, new Set(keywords(describeFile(file))));
      for (const symbol of file.symbols) {
        for (const name of [symbol.name, ...symbol.members.map((m) => `${symbol.name}.${m.name}`)]) {
          if (!this.declaring.has(name)) this.declaring.set(name, new Set());
          this.declaring.get(name)!.add(file.path);
        }
      }
    }
    const documentFrequency = new Map<string, number>();
    for (const set of this.words.values()) for (const word of set) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    for (const [word, df] of documentFrequency) this.idf.set(word, Math.log(1 + files.length / df));
  }

  /**
   * Files with a positive score, best first; ties keep the context's own ranking. A file the text names by
   * path, or that declares a symbol the text names, outranks any keyword overlap.
   */
  match(text: string, accept: (file: RankedFile) => boolean = () => true): Array<{ file: RankedFile; score: number }> {
    const query = new Set(keywords(text));
    const named = this.namedFiles(text);
    return this.files
      .filter(accept)
      .map((file, rank) => {
        let score = (named.get(file.path) ?? 0) * NAMED_WEIGHT;
        for (const word of query) if (this.words.get(file.path)!.has(word)) score += this.idf.get(word) ?? 0;
        return { file, score, rank };
      })
      .filter((m) => m.score > 0)
      .sort((a, b) => b.score - a.score || a.rank - b.rank)
      .map(({ file, score }) => ({ file, score }));
  }

  /** Files the text names: by path, or by a declared symbol (`OrdersService`, `OrdersService.list`). */
  namedFiles(text: string): Map<string, number> {
    const named = new Map<string, number>();
    for (const file of this.files) if (text.includes(file.path)) named.set(file.path, 2);
    for (const [, identifier] of text.matchAll(/\b([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)\b/g)) {
      const declared = identifier.length > 3 && /[A-Z_]/.test(identifier) ? this.declaring.get(identifier) : undefined;
      for (const path of declared ?? []) named.set(path, (named.get(path) ?? 0) + 1);
    }
    return named;
  }
}

const NAMED_WEIGHT = 10;

/** A file's words: its path, role, declared names, and its decorators' names and string arguments (routes). */
function describeFile(file: RankedFile): string {
  const decoratorWords = (decorator: string) => [decorator.replace(/\(.*$/s, ''), ...[...decorator.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2])];
  const symbols = file.symbols.flatMap((s) => [s.name, ...s.decorators.flatMap(decoratorWords), ...s.members.flatMap((m) => [m.name, ...m.decorators.flatMap(decoratorWords)])]);
  return [file.path, file.role, ...symbols].join(' ');
}
