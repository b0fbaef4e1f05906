/**
 * The lexical vocabulary shared by the index and the ranking: identifiers and prose are cut into lower-case
 * words (camelCase, PascalCase, kebab-case and snake_case split), with a light plural stemming so that
 * `orders`, `Order` and `ORDER_STATUSES` meet on `order`.
 */

const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how if in into is it its ' +
    'may might no not of on or our should so than that the their them then there these they this those to ' +
    'was we were what when where which while who will with would you your also only just all any each more ' +
    'most other some such same very now new use used uses using make makes made get gets set sets add adds ' +
    'added fix fixes fixed feat chore refactor perf ci revert instead via per ' +
    'const let var return function class interface type enum extends implements async await ' +
    'true false null undefined void string number boolean any unknown never object public private ' +
    'protected readonly static abstract declare else case break continue switch try catch finally throw'
  ).split(' '),
);

/**
 * The module syntax of code: `export`, `export default` and `import` opening a line, `import(…)`. Every module
 * has it, and counted as words it would make `export` and `import` words of every file, when they are the words
 * of features ("export orders to CSV", "import records"): left out of a file's count, the files that name them
 * (`export.service.ts`, `ImportDialog`, a comment, a route) are what match them.
 */
export const MODULE_SYNTAX_IN_CODE = /^\s*(?:export\s+default|export|import)\b|\bimport\s*\(/gm;

/** The same syntax named in prose (`fix: export default for all generators`, "import type"): the words of code, not of a feature. */
export const MODULE_SYNTAX_IN_PROSE =
  /\bexport\s+default\b|\b(?:export|import)\s+(?=(?:const|let|var|function|class|interface|type|enum|async|abstract|declare)\b|[*{])/gi;

/** Words of an identifier, a path or prose, lower-cased and stemmed, stop words removed. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
    for (const part of splitIdentifier(token)) {
      const word = stem(part.toLowerCase());
      if (word.length > 1 && !STOP_WORDS.has(word)) words.push(word);
    }
  }
  return words;
}

/** Words of an identifier as an engineer reads it, stop words kept: `useExportOrders` → use, export, order. */
export function identifierWords(name: string): string[] {
  return (name.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).flatMap((token) => splitIdentifier(token).map((part) => stem(part.toLowerCase())));
}

/**
 * Whole compound identifiers (`getWorkspaceLayout`, `ORDER_STATUSES`), as `#getworkspacelayout`: a text naming
 * one matches the files that use it far more precisely than its words do apart.
 */
export function compoundTerms(text: string): string[] {
  return (text.match(IDENTIFIER) ?? []).filter(isCompound).map(compoundTerm);
}

export function compoundTerm(identifier: string): string {
  return `#${identifier.toLowerCase()}`;
}

function isCompound(token: string): boolean {
  return token.length > 3 && (/[a-z][A-Z]/.test(token) || /[A-Za-z]_[A-Za-z]/.test(token));
}

/** `readProjectConfiguration` → read, Project, Configuration; `HTTPClient2` → HTTP, Client2. */
function splitIdentifier(token: string): string[] {
  return token.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [token];
}

export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Adjacent words as `a+b` terms: `deep signal` in a text meets `deepSignal` and `deep-signal.ts`. */
export function wordPairs(words: string[]): string[] {
  return words.slice(1).map((word, i) => `${words[i]}+${word}`);
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;
/** Terms of each identifier seen: code repeats its identifiers, so most tokens are split once per process. */
const termsOfToken = new Map<string, string[]>();
const MAX_REMEMBERED_TOKENS = 200_000;

/** Counts of each word and compound identifier: the bag a document is scored as. */
export function wordCounts(text: string): Map<string, number> {
  const tokens = new Map<string, number>();
  for (const token of text.match(IDENTIFIER) ?? []) tokens.set(token, (tokens.get(token) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const [token, count] of tokens) {
    for (const term of termsOf(token)) counts.set(term, (counts.get(term) ?? 0) + count);
  }
  return counts;
}

function termsOf(token: string): string[] {
  let terms = termsOfToken.get(token);
  if (!terms) {
    terms = isCompound(token) ? [...splitWords(token), compoundTerm(token)] : splitWords(token);
    if (termsOfToken.size >= MAX_REMEMBERED_TOKENS) termsOfToken.clear();
    termsOfToken.set(token, terms);
  }
  return terms;
}
