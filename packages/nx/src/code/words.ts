/**
 * The lexical vocabulary shared by the index and the ranking: identifiers and prose are cut into lower-case
 * words (camelCase, PascalCase, kebab-case and snake_case split), with a light plural stemming so that
 * `orders`, `Order` and `ORDER_STATUSES` meet on `order`.
 */

// Commit types are stop words (they open most commit messages and say nothing of the code), all but `ci`: a commit's
// type is cut from its subject anyway (see `parseQuery`), and "CI mode" in prose names code (`isCi`, `--ci`).
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how if in into is it its ' +
    'may might no not of on or our should so than that the their them then there these they this those to ' +
    'was we were what when where which while who will with would you your also only just all any each more ' +
    'most other some such same very now new use used uses using make makes made get gets set sets add adds ' +
    'added fix fixes fixed feat chore refactor perf revert instead via per ' +
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

/**
 * What a text excludes, without the words it names by negation: "export to non-grid views" excludes every view
 * but the grid one, so the grid's code is not what it leaves alone.
 */
export function withoutNegated(text: string): string {
  return text.replace(/\bnon-[A-Za-z]+/g, ' ');
}

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

/**
 * The compound identifiers prose spells out, as compound terms: each run of two to four adjacent words of a
 * phrase, joined ("an immediate capture setting" → `#immediatecapture`, the term of `immediateCapture`).
 */
export function spelledCompoundTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const phrase of text.split(/[.,;:!?()"'`]/)) {
    const words = (phrase.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).map((word) => word.toLowerCase());
    for (let size = 2; size <= 4; size++) for (let at = 0; at + size <= words.length; at++) terms.add(compoundTerm(words.slice(at, at + size).join('')));
  }
  return [...terms];
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

/** Endings that derive one word of a family from another: modif-ication, modif-ier, modif-y; calcul-ation, calcul-ator. */
const DERIVATIONAL_ENDINGS = [
  'ication',
  'ation',
  'ator',
  'ated',
  'ating',
  'ition',
  'ied',
  'ier',
  'ify',
  'ate',
  'ion',
  'ment',
  'er',
  'or',
  'ing',
  'ed',
  'e',
  'y',
].sort((a, b) => b.length - a.length);

/**
 * The root a word shares with the rest of its family (`modification`, `modifier`, `modifying` → `modif`): its
 * longest derivational ending cut, twice at most, leaving four letters or more (a shorter root, `us` of `user` or
 * `ord` of `order`, would join unrelated words). For reading a name spelled in prose only: the index keeps each
 * form apart, where joining them cost the ranking.
 */
export function derivationalRoot(word: string): string {
  let root = word;
  for (let step = 0; step < 2; step++) {
    const ending = DERIVATIONAL_ENDINGS.find((e) => root.endsWith(e) && root.length - e.length >= 4);
    if (!ending) break;
    root = root.slice(0, -ending.length);
  }
  return root;
}

/** Past forms of verbs code is named with that no suffix rule undoes ("is sent" → `sendEmail`). */
const IRREGULAR_FORMS: Record<string, string> = {
  sent: 'send',
  spent: 'spend',
  built: 'build',
  bought: 'buy',
  paid: 'pay',
  sold: 'sell',
  told: 'tell',
  held: 'hold',
  kept: 'keep',
  lost: 'lose',
  found: 'find',
  ran: 'run',
  wrote: 'write',
  written: 'write',
  chosen: 'choose',
  hidden: 'hide',
  shown: 'show',
  drawn: 'draw',
  known: 'know',
  taken: 'take',
  given: 'give',
  begun: 'begin',
  broken: 'break',
  frozen: 'freeze',
  thrown: 'throw',
  understood: 'understand',
};

/**
 * The verb an irregular past form of prose is of ("is sent" → send), for reading prose against code's names,
 * which use the base (`sendEmail`). Regular forms are left as they are: undoing "-ed" and "-ing" is a guess
 * ("created" → creat or create, "nested", "required"), and over the 28 PRD drafts it moved requirements off the
 * files their commits changed more often than onto them (5 against 2); the irregular forms moved none there and
 * put a postiz digest rule ("no email is sent") on the service that sends. Not in `splitWords`, whose words the
 * index counts: a verb's base there matched every form at once in the ranking.
 */
export function irregularVerbBase(word: string): string | undefined {
  return IRREGULAR_FORMS[word];
}

/** The forms of the stop list's verbs a method's name may begin with, and their base (`adds` → add). */
const STOP_VERB_FORMS: Record<string, string> = {
  add: 'add',
  adds: 'add',
  added: 'add',
  adding: 'add',
  get: 'get',
  gets: 'get',
  set: 'set',
  sets: 'set',
  use: 'use',
  uses: 'use',
  used: 'use',
  make: 'make',
  makes: 'make',
  made: 'make',
};

/**
 * The verbs of the stop list a text uses, in the base a method's name spells them ("after a user adds a password"
 * → add, for `addPassword` beside `resetPassword` and `changePassword`). `splitWords` drops them: as words of a
 * feature they match everything, but a class's methods are told apart by them.
 */
export function stopListVerbs(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).flatMap((word) => STOP_VERB_FORMS[word] ?? []);
}

/** Adjacent words as `a+b` terms: `deep signal` in a text meets `deepSignal` and `deep-signal.ts`. */
export function wordPairs(words: string[]): string[] {
  return words.slice(1).map((word, i) => `${words[i]}+${word}`);
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/**
 * Words and their counts in one string, each as ` word=count`: ` order=5 total=3`. This is what the index cache
 * holds, and read back, a string per list parses about four times faster than an array of its words and counts
 * (16 ms against 65 ms for the cache head of vendure's 2582 files), and leaves no 266k small strings for the
 * collector. No word holds a space or `=` (a word is letters and digits, a `#compound` identifier or an `a+b`
 * pair), so ` word=` is found only where the list holds that word, digits-only words (`264`, from `h264`)
 * included; two lists of different words join as strings do. Only the functions below read the format.
 */
export type WordList = string;

/**
 * Bump when the words of a text change (how it is split, stemmed or counted, or the list's format): the caches
 * holding words (the code index, the change history) are then read as missing.
 */
export const WORDS_VERSION = 2;

/** The list's words and counts, in its order. */
export function wordEntries(list: WordList): Array<[word: string, count: number]> {
  return [...list.matchAll(/ ([^ =]+)=(\d+)/g)].map(([, word, count]) => [word, Number(count)]);
}

/** The counts of these terms, in the order first seen. */
export function termList(terms: Iterable<string>): WordList {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts].map(([term, count]) => ` ${term}=${count}`).join('');
}

/** How many times `word` is in the list (0 when it is not). */
export function countOf(list: WordList, word: string): number {
  const at = list.indexOf(` ${word}=`);
  return at < 0 ? 0 : parseInt(list.slice(at + word.length + 2, at + word.length + 12), 10);
}

/** Whether the list holds any of the `wanted` words. */
export function hasAny(list: WordList, wanted: Set<string>): boolean {
  if (wanted.size === 0) return false;
  const pattern = patternOf(wanted);
  pattern.lastIndex = 0;
  return pattern.test(list);
}

/** The counts of the `wanted` words in the list, in one pass: what a query needs of a file. */
export function countsOf(list: WordList, wanted: Set<string>): Map<string, number> {
  const counts = new Map<string, number>();
  if (wanted.size === 0) return counts;
  const pattern = patternOf(wanted);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(list); match; match = pattern.exec(list)) counts.set(match[1], Number(match[2]));
  return counts;
}

/**
 * One expression for a set of words, made once per set (a query's set is looked up in every file of the
 * workspace, and no caller changes a set it has passed).
 */
const patterns = new WeakMap<Set<string>, RegExp>();

function patternOf(wanted: Set<string>): RegExp {
  let pattern = patterns.get(wanted);
  if (!pattern) {
    const words = [...wanted].map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(` (${words})=(\\d+)`, 'g');
    patterns.set(wanted, pattern);
  }
  return pattern;
}

/**
 * Every term gets a number the first time it is seen, and each identifier the numbers of its terms: code repeats
 * its identifiers, so most are split once per process, and a text's terms are counted in an array by number
 * rather than in a map by string (counting was most of the cost of scanning a file's words).
 */
const termIdsOfToken = new Map<string, number[]>();
const termOfId: string[] = [];
const idOfTerm = new Map<string, number>();
/** The count of each term id in the text being counted; back to all zeros after each call. */
let countOfId = new Int32Array(1 << 14);
const MAX_REMEMBERED_TOKENS = 200_000;

/** Counts of each word and compound identifier, in the order first seen: the bag a document is scored as. */
export function wordCounts(text: string): WordList {
  return countWords(text).list;
}

/** The text's word counts, and how many words it has in all: its length, for BM25's normalisation. */
export function countWords(text: string): { list: WordList; total: number } {
  if (termIdsOfToken.size >= MAX_REMEMBERED_TOKENS) forgetTerms();
  const seen: number[] = [];
  // Each token's term ids looked up once per occurrence: one lookup, where counting the tokens first took two.
  for (const token of text.match(IDENTIFIER) ?? []) {
    for (const id of termIdsOf(token)) {
      if (countOfId[id] === 0) seen.push(id);
      countOfId[id]++;
    }
  }
  // Joined once: a string grown word by word is a rope that every later read flattens.
  const parts: string[] = [];
  let total = 0;
  for (const id of seen) {
    parts.push(`${termOfId[id]}=${countOfId[id]}`);
    total += countOfId[id];
    countOfId[id] = 0;
  }
  return { list: parts.length > 0 ? ` ${parts.join(' ')}` : '', total };
}

function termIdsOf(token: string): number[] {
  let ids = termIdsOfToken.get(token);
  if (!ids) {
    const terms = isCompound(token) ? [...splitWords(token), compoundTerm(token)] : splitWords(token);
    ids = terms.map(termId);
    termIdsOfToken.set(token, ids);
  }
  return ids;
}

function termId(term: string): number {
  let id = idOfTerm.get(term);
  if (id === undefined) {
    id = termOfId.push(term) - 1;
    idOfTerm.set(term, id);
    if (id >= countOfId.length) {
      const grown = new Int32Array(countOfId.length * 2);
      grown.set(countOfId);
      countOfId = grown;
    }
  }
  return id;
}

/** Between two texts (never during one, whose counts are kept by id), so a long-lived process stays bounded. */
function forgetTerms(): void {
  termIdsOfToken.clear();
  idOfTerm.clear();
  termOfId.length = 0;
}
