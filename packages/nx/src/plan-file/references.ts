import { posix } from 'node:path';
import type { Root } from 'mdast';
import type { Located } from '../markdown/nodes';
import { blocksOf, phraseOf, TOKEN, type CodeToken, type Phrase } from './phrases';

/**
 * What a plan says about the workspace: the files, projects and symbols it names and the dependencies it
 * adds. The linter checks them; the drafters record the referenced files' hashes for the staleness check.
 * Extraction reads the Markdown structure only; whether a name is real is for the rules to decide.
 */
export interface PlanReferences {
  paths: PathReference[];
  projects: ProjectReference[];
  symbols: SymbolReference[];
  dependencies: DependencyReference[];
}

/** `file` has an extension, `directory` ends with a slash; `unknown` may be a path (`libs/orders`) or not (`read/write`). */
export type PathShape = 'file' | 'directory' | 'unknown';

export interface PathReference extends Located {
  /** Workspace-relative, normalised (no `./`, no trailing slash, no `:line` suffix). */
  path: string;
  shape: PathShape;
  /** The plan says the file is to be created: it must then sit under an existing project. */
  isNew: boolean;
}

export interface ProjectReference extends Located {
  /** A project name or an import path such as `@shop/shared-util`. */
  name: string;
  via: 'name' | 'import-path' | 'frontmatter';
}

export type SymbolOwner = { kind: 'path'; path: string } | { kind: 'project'; name: string; explicit: boolean };

export interface SymbolReference extends Located {
  name: string;
  /** `findAll` in `OrdersService.findAll()`. */
  member?: string;
  owner: SymbolOwner;
  /** Where the owner is written. */
  ownerAt: Located;
  /** The plan adds the symbol (`Add \`exportCsv()\` to ...`): nothing to check. */
  isNew: boolean;
}

export interface DependencyReference extends Located {
  /** Each side as written: a project name, an import path or a path. */
  from: string;
  to: string;
}

export function referencesIn(tree: Root, planPath?: string): PlanReferences {
  const references: PlanReferences = { paths: [], projects: [], symbols: [], dependencies: [] };
  for (const block of blocksOf(tree)) {
    const phrase = phraseOf(block);
    phrase.tokens.forEach((_token, i) => collectToken(phrase, i, planPath, references));
    for (const symbol of symbolsIn(phrase, planPath)) {
      references.symbols.push(symbol);
      if (symbol.owner.kind === 'project' && symbol.owner.explicit) addProject(references, symbol.owner.name, symbol.ownerAt);
    }
    for (const { from, to, namesProjects } of dependenciesIn(phrase)) {
      references.dependencies.push({ from: from.value.trim(), to: to.value.trim(), ...at(from) });
      if (!namesProjects) continue;
      for (const side of [from, to]) if (isProjectName(side.value) || isImportPath(side.value)) addProject(references, side.value, side);
    }
  }
  return references;
}

/** Records a project reference once per place, whichever pattern found it. */
function addProject(references: PlanReferences, name: string, where: Located): void {
  if (references.projects.some((p) => p.line === where.line && p.column === where.column)) return;
  references.projects.push({ name, via: isImportPath(name) ? 'import-path' : 'name', ...at(where) });
}

function collectToken(phrase: Phrase, i: number, planPath: string | undefined, references: PlanReferences): void {
  const token = phrase.tokens[i];
  const path = asPath(token, planPath);
  if (path) {
    references.paths.push({ ...path, isNew: isNewPath(phrase, i), line: token.line, column: token.column });
    return;
  }
  if (isImportPath(token.value) || (isProjectName(token.value) && namedAsProject(phrase, i))) addProject(references, token.value, token);
}

// ----- paths -------------------------------------------------------------------------------------------

const FILE_EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

/** A token that names a file or folder of the workspace, normalised; undefined for anything else. */
function asPath(token: CodeToken, planPath?: string): { path: string; shape: PathShape } | undefined {
  let value = token.value.trim();
  if (token.kind === 'link') value = linkTarget(value, planPath);
  value = value.replace(/:\d+(?::\d+)?$/, '').replace(/^\.\//, '');
  // Routes, absolute paths, globs, placeholders and prose ("read/write", "GET /orders") are not paths.
  if (value === '' || /[\s*?{}<>$:|"'`]|^[/~]/.test(value)) return undefined;
  if (!value.includes('/') || isImportPath(value)) return undefined;
  const shape: PathShape = value.endsWith('/') ? 'directory' : FILE_EXTENSION.test(value) ? 'file' : 'unknown';
  const path = posix.normalize(value).replace(/\/$/, '');
  return path.startsWith('..') ? undefined : { path, shape };
}

/** Link targets are relative to the plan when they start with `./` or `../`, to the repository otherwise. */
function linkTarget(url: string, planPath: string | undefined): string {
  const bare = url.replace(/[#?].*$/, '');
  let decoded = bare;
  try {
    decoded = decodeURI(bare);
  } catch {
    // A malformed escape: keep the link as written.
  }
  if (/^\.\.?\//.test(decoded) && planPath) return posix.join(posix.dirname(planPath), decoded);
  return decoded.replace(/^\//, '');
}

const NOT_A_NOUN = '(?!(?:to|in|into|from|for|on|of|at|under|inside|within|with|by)\\s)';
const NEW_BEFORE = new RegExp(
  `\\b(?:create|creates|creating|add|adds|adding|new|scaffold|generate|introduce|write)\\s+(?:(?:a|an|the)\\s+)?(?:new\\s+)?(?:${NOT_A_NOUN}[\\w-]+\\s+){0,2}$`,
  'i',
);
const NEW_AFTER = /^\s*(?:[([]\s*)?(?:[-–—:]\s*)?(?:new|to be created|created?)\b/i;
/** "Create `X` in `path`": a clause that creates something creates the file it puts it in. */
const CREATE_CLAUSE = /\b(?:create|creates|scaffold|generate)\b[^.;!?]*$/i;
const NEW_FILES_HEADING = /\b(?:new\s+files?|files?\s+to\s+(?:create|add)|create[sd]?)\b/i;
const CHANGE_WORDS = /\b(?:modif|updat|chang|edit|touch)/i;
const NEW_CELL = /(?:^|\|)\s*(?:new|create[ds]?|add(?:ed)?)\b/i;

function isNewPath(phrase: Phrase, i: number): boolean {
  const before = phrase.text.slice(0, phrase.text.indexOf(`\uE000${i}\uE001`));
  return (
    NEW_BEFORE.test(phrase.gaps[i]) ||
    NEW_AFTER.test(phrase.gaps[i + 1]) ||
    CREATE_CLAUSE.test(before) ||
    (NEW_FILES_HEADING.test(phrase.heading) && !CHANGE_WORDS.test(phrase.heading)) ||
    (phrase.row !== undefined && NEW_CELL.test(phrase.row))
  );
}

// ----- projects ----------------------------------------------------------------------------------------

const PROJECT_NOUN = '(?:project|library|lib|app|application)';
const PROJECT_BEFORE = new RegExp(`\\b${PROJECT_NOUN}\\s+$`, 'i');
const PROJECT_AFTER = new RegExp(`^\\s+${PROJECT_NOUN}\\b`, 'i');
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|json|md|ya?ml|html|s?css)$/i;

/** `@scope/name` (and deeper entry points), as written in an import statement. */
function isImportPath(value: string): boolean {
  return /^@[\w.-]+\/[\w.-]+(?:\/[\w.-]+)*$/.test(value) && !SOURCE_FILE.test(value);
}

/** Shaped like an Nx project name: lower-case start, no slash, not a file name. */
function isProjectName(value: string): boolean {
  return /^[a-z0-9][\w.-]*$/.test(value) && !SOURCE_FILE.test(value);
}

/** "the `api` project", "library `shared-util`". A bare `api` could be anything, so it is not claimed. */
function namedAsProject(phrase: Phrase, i: number): boolean {
  return PROJECT_BEFORE.test(phrase.gaps[i]) || PROJECT_AFTER.test(phrase.gaps[i + 1]);
}

// ----- symbols -----------------------------------------------------------------------------------------

const SYMBOL = /^(?:new\s+)?([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?\s*(?:<[^>]*>)?\s*(?:\([^)]*\))?$/;
const OWNER_CONNECTOR = new RegExp(
  `^\\s*(?:in|from|inside|within|exported\\s+(?:by|from)|(?:defined|declared|implemented)\\s+in)\\s+(?:(?:the|a|an)\\s+)?(?:(file|module|class|${PROJECT_NOUN})\\s+)?$`,
  'i',
);
const NEW_SYMBOL_BEFORE =
  /\b(?:add|adds|adding|create|creates|implement|implements|introduce|define|defines|declare|write|expose|extract|new)\s+(?:(?:a|an|the|new|public|private|protected|static|async|exported|readonly)\s+)*(?:(?:method|function|class|interface|type|enum|const|constant|hook|component|endpoint|property|field|dto|service|helper|guard|decorator|module|controller|entity|column|utility)\s+)?$/i;

/** "`Foo` in `libs/x/src/foo.ts`", "`formatMoney()` from `@shop/shared-util`", "`Money` exported by the `shared-types` library". */
function symbolsIn(phrase: Phrase, planPath: string | undefined): SymbolReference[] {
  const symbols: SymbolReference[] = [];
  for (let i = 0; i + 1 < phrase.tokens.length; i++) {
    const match = SYMBOL.exec(phrase.tokens[i].value.trim());
    const connector = OWNER_CONNECTOR.exec(phrase.gaps[i + 1]);
    if (!match || !connector || phrase.tokens[i].kind === 'link') continue;
    const owner = ownerOf(phrase, i + 1, Boolean(connector[1] && new RegExp(PROJECT_NOUN, 'i').test(connector[1])), planPath);
    if (!owner) continue;
    symbols.push({
      name: match[1],
      ...(match[2] ? { member: match[2] } : {}),
      owner,
      ownerAt: at(phrase.tokens[i + 1]),
      isNew: NEW_SYMBOL_BEFORE.test(phrase.gaps[i]) || /^\s*\(new\b/i.test(phrase.gaps[i + 1]),
      ...at(phrase.tokens[i]),
    });
  }
  return symbols;
}

function ownerOf(phrase: Phrase, i: number, saysProject: boolean, planPath: string | undefined): SymbolOwner | undefined {
  const token = phrase.tokens[i];
  const path = asPath(token, planPath);
  if (path) return { kind: 'path', path: path.path };
  if (isImportPath(token.value)) return { kind: 'project', name: token.value, explicit: true };
  if (isProjectName(token.value)) return { kind: 'project', name: token.value, explicit: saysProject || namedAsProject(phrase, i) };
  return undefined;
}

// ----- dependencies ------------------------------------------------------------------------------------

const ENDPOINT_PREFIX = `(?:(?:the|a|an)\\s+)?(?:${PROJECT_NOUN}\\s+)?`;
const ENDPOINT_SUFFIX = `(?:\\s+${PROJECT_NOUN})?`;
/**
 * Each pattern captures two token indexes; `reversed` when the first is the dependency's target. Only "a
 * dependency from/on" claims that both sides are projects: "`a` imports `b`" is said of files and symbols too.
 */
const DEPENDENCY_PATTERNS: Array<{ pattern: RegExp; reversed: boolean; namesProjects: boolean }> = [
  // "add a dependency from `a` to `b`"
  {
    pattern: new RegExp(`dependenc(?:y|ies)\\s+from\\s+${ENDPOINT_PREFIX}${TOKEN}${ENDPOINT_SUFFIX}\\s+(?:to|on)\\s+${ENDPOINT_PREFIX}${TOKEN}`, 'gi'),
    reversed: false,
    namesProjects: true,
  },
  // "`a` depends on `b`", "make `a` depend on `b`", "`a` will import from `b`"
  {
    pattern: new RegExp(
      `${TOKEN}${ENDPOINT_SUFFIX}\\s+(?:(?:will|would|must|should|can|now|then|also|to)\\s+)*(?:depends?\\s+on|depending\\s+on|imports?(?:\\s+from)?|importing(?:\\s+from)?)\\s+${ENDPOINT_PREFIX}${TOKEN}`,
      'gi',
    ),
    reversed: false,
    namesProjects: false,
  },
  // "add a dependency on `b` to `a`"
  {
    pattern: new RegExp(`dependenc(?:y|ies)\\s+on\\s+${ENDPOINT_PREFIX}${TOKEN}${ENDPOINT_SUFFIX}\\s+(?:to|in|for)\\s+${ENDPOINT_PREFIX}${TOKEN}`, 'gi'),
    reversed: true,
    namesProjects: true,
  },
];

function dependenciesIn(phrase: Phrase): Array<{ from: CodeToken; to: CodeToken; namesProjects: boolean }> {
  const found: Array<{ from: CodeToken; to: CodeToken; namesProjects: boolean }> = [];
  for (const { pattern, reversed, namesProjects } of DEPENDENCY_PATTERNS) {
    for (const match of phrase.text.matchAll(pattern)) {
      const [first, second] = [phrase.tokens[Number(match[1])], phrase.tokens[Number(match[2])]];
      found.push({ ...(reversed ? { from: second, to: first } : { from: first, to: second }), namesProjects });
    }
  }
  return found;
}

function at(located: Located): Located {
  return { line: located.line, column: located.column };
}
