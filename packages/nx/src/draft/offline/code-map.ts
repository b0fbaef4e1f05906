import { posix } from 'node:path';
import { projectSide } from './classify';
import type { CodeIndex, IndexedFile } from '../../code/types';
import { compoundTerm, countOf, hasAny, identifierWords, splitWords, wordEntries } from '../../code/words';
import type { CodeSymbol } from '../../code/types';
import { readText, type FileSource } from '../../utils/file-source';
import { pathWithin } from '../../utils/workspace-path';
import type { ProjectFact, WorkspaceFacts } from '../../workspace/types';

/** A file's exported declarations: its public API, what other files can use and a plan can name. */
export function exportedSymbols<S extends { exported?: boolean }>(file: { symbols: S[] }): S[] {
  return file.symbols.filter((s) => s.exported);
}

/** A declaration found in the index: the file and the top-level symbol (and the member, when one was asked for). */
export interface SymbolHit {
  file: IndexedFile;
  symbol: CodeSymbol;
}

/** An HTTP route the server declares: NestJS-style decorators, or Express/Fastify/Hono-style router calls. */
export interface ServerRoute {
  method: string;
  /** Path as declared, controller prefix included, without the app's global prefix: `/orders/:id`. */
  path: string;
  file: string;
  /** Controller class and handler, when declared with decorators. */
  owner?: string;
  handler?: string;
}

/** A file that calls the server: a string literal that is an API path (`'/orders'`, `` `/orders/${id}` ``). */
export interface ClientCall {
  file: string;
  path: string;
}

const HTTP_DECORATOR = /^@(Get|Post|Put|Patch|Delete|All|Head|Options)\((?:\s*['"`]([^'"`]*)['"`])?/;
const CONTROLLER_DECORATOR = /^@Controller\((?:\s*['"`]([^'"`]*)['"`]|\s*\{[^}]*path:\s*['"`]([^'"`]*)['"`])?/;
const ROUTER_CALL = /\b(?:router|app|server|route[rs]?|api|fastify)\.(get|post|put|patch|delete)\(\s*['"`](\/[^'"`]*)['"`]/gi;
const API_PATH_LITERAL = /['"`](\/(?:api\/)?[a-z][\w-]*(?:\/(?:[\w:.-]+|\$\{[^}]+\}))*)\/?(?:\?[^'"`]*)?['"`]/g;
const GLOBAL_PREFIX = /setGlobalPrefix\(\s*['"`]([^'"`]+)['"`]/;

/** Folders translations are kept in, the catalog files in them, and the source language's names (`en`, `en-US`, `messages.en`). */
const CATALOG_DIRS = new Set(['locales', 'locale', 'i18n', 'lang', 'langs', 'translations']);
const CATALOG_FILE = /\.(json|po|ya?ml|xlf|xliff|arb)$/;
/** Catalogs a tool extracts from the code (gettext, Lingui, Angular's XLIFF), rather than written by hand. */
export const EXTRACTED_CATALOG = /\.(po|xlf|xliff)$/;
const SOURCE_LANGUAGE = /(^|\.)en([-_][a-z]+)?$/i;

/** What a project is called for what it is: "the workers app", "the chart plugin". */
const PROJECT_KINDS = '(?:apps?|applications?|services?|servers?|workers?|packages?|librar(?:y|ies)|libs?|plugins?)';

/** How a text names a project as a part of the system: its name (its scope aside) or folder (captured), then what it is. */
function projectNamePhrase(project: ProjectFact): RegExp | undefined {
  if (project.type === 'e2e' || !project.root) return undefined;
  const names = [...new Set([project.name.replace(/^@[^/]+\//, ''), posix.basename(project.root)])].filter((name) => name.length >= 3);
  if (names.length === 0) return undefined;
  const escaped = names.map((name) => name.replace(/[-_.]/g, '[-_. ]'));
  return new RegExp(`\\b(${escaped.join('|')})[ -]${PROJECT_KINDS}\\b`, 'i');
}

/**
 * What the drafter asks of the code: where a name is declared, which routes the server has and who calls
 * them, who uses a symbol, and how a project names and lays out its files. Built from the syntax index, with
 * the text of a file read only when a question needs its string literals (routes, calls).
 */
export class CodeMap {
  private readonly declared = new Map<string, SymbolHit[]>();
  private readonly projectsByImport = new Map<string, ProjectFact>();
  private serverRoutes?: ServerRoute[];
  private readonly sides = new Map<string, ReturnType<typeof projectSide>>();
  private clientCallList?: ClientCall[];
  private globalPrefixes?: string[];
  private spelled?: Array<Set<string>>;
  private readonly catalogs = new Map<string, string[]>();
  private compoundUsers?: Map<string, number>;

  constructor(
    readonly index: CodeIndex,
    readonly facts: WorkspaceFacts,
    private readonly source: FileSource,
    /** Per project, its suite test that best matches the feature (the context pack's `featureTests`). */
    private readonly featureTests: Record<string, string> = {},
  ) {
    for (const file of index.files.values()) {
      for (const symbol of file.symbols) {
        const hits = this.declared.get(symbol.name) ?? [];
        hits.push({ file, symbol });
        this.declared.set(symbol.name, hits);
      }
    }
    for (const project of Object.values(facts.projects)) if (project.importPath) this.projectsByImport.set(project.importPath, project);
  }

  /** Declarations of a top-level name, exported ones and non-test files first. */
  symbol(name: string): SymbolHit[] {
    return [...(this.declared.get(name) ?? [])].sort((a, b) => rankHit(a) - rankHit(b) || a.file.path.localeCompare(b.file.path));
  }

  file(path: string): IndexedFile | undefined {
    const clean = path.replace(/^\.?\//, '');
    return this.index.files.get(clean) ?? [...this.index.files.values()].find((f) => f.path.endsWith(`/${clean}`));
  }

  projectByImportPath(importPath: string): ProjectFact | undefined {
    return this.projectsByImport.get(importPath);
  }

  /**
   * The projects a text names as a running part or package of the system, by their name (its scope aside) or
   * folder followed by what it is: "the delayed job runs in the workers app", "the chart plugin". A bare name
   * (`api`, `client`, `core`) is an everyday word; with what it is after it, it is the project.
   */
  projectsNamedIn(text: string): ProjectFact[] {
    return Object.values(this.facts.projects).filter((project) => projectNamePhrase(project)?.test(text));
  }

  /**
   * The text without the word that says what a project it names is ("the delayed job runs in the workers app" →
   * "… in the workers"): "app" says what kind of part the project is, not what the work is, and a file's words
   * are read against what the work is (the `inAppNotification` of a service). The name stays: "the chart plugin
   * uses a fixed id" is about the chart, whose config is `chart.ts`.
   */
  withoutProjectKinds(text: string): string {
    return Object.values(this.facts.projects).reduce((rest, project) => {
      const phrase = projectNamePhrase(project);
      return phrase ? rest.replace(new RegExp(phrase.source, 'gi'), '$1') : rest;
    }, text);
  }

  projectOf(path: string): ProjectFact | undefined {
    const owners = Object.values(this.facts.projects).filter((p) => p.root && (path === p.root || path.startsWith(`${p.root}/`)));
    return owners.sort((a, b) => b.root.length - a.root.length)[0];
  }

  /**
   * The source-language message catalogs a project's UI text lives in: `locales/en/*.json` (i18next),
   * `i18n/locales/en.po` (Lingui, gettext), `assets/i18n/en.json` (ngx-translate), in a folder named for
   * translations beside the project's code or at its root.
   */
  catalogsOf(project: ProjectFact): string[] {
    const cached = this.catalogs.get(project.name);
    if (cached) return cached;
    const roots = new Set([project.root, ...['public', 'src', 'assets', 'src/assets'].map((dir) => posix.join(project.root, dir))]);
    for (const file of this.filesOf(project.name)) roots.add(posix.dirname(file.path));
    const found = new Set<string>();
    const look = (dir: string, depth: number) => {
      for (const entry of this.source.list(dir)) {
        const path = posix.join(dir, entry);
        if (this.source.isFile(path)) {
          if (CATALOG_FILE.test(entry) && SOURCE_LANGUAGE.test(entry.replace(CATALOG_FILE, ''))) found.add(path);
        } else if (SOURCE_LANGUAGE.test(entry)) {
          for (const file of this.source.list(path)) if (CATALOG_FILE.test(file)) found.add(posix.join(path, file));
        } else if (depth > 0 && CATALOG_DIRS.has(entry.toLowerCase())) {
          look(path, depth - 1);
        }
      }
    };
    for (const root of roots) for (const entry of this.source.list(root)) if (CATALOG_DIRS.has(entry.toLowerCase())) look(posix.join(root, entry), 1);
    const catalogs = [...found].sort();
    this.catalogs.set(project.name, catalogs);
    return catalogs;
  }

  /** How many files (tests aside) use a compound identifier (`#immediatecapture`): few, and a text spelling it means that code. */
  filesUsing(term: string): number {
    if (!this.compoundUsers) {
      this.compoundUsers = new Map();
      for (const file of this.index.files.values()) {
        if (file.role === 'test') continue;
        for (const [word] of wordEntries(file.words.body)) if (word.startsWith('#')) this.compoundUsers.set(word, (this.compoundUsers.get(word) ?? 0) + 1);
      }
    }
    return this.compoundUsers.get(term) ?? 0;
  }

  /**
   * Where a file's code uses an identifier (a compound term: `#activetaxzone`), as an engineer's search finds it: the
   * top-level declaration around its first use inside one, and the method around it when that is a class's. Lines
   * are told apart by where declarations start (the scan keeps no ends): a use between two methods is the first's.
   */
  useOf(path: string, term: string): { symbol: CodeSymbol; member?: CodeSymbol } | undefined {
    const file = this.file(path);
    const lines = readText(this.source, path)?.split('\n');
    if (!file || !lines) return undefined;
    const last = <S extends { line: number }>(symbols: S[], line: number) => symbols.filter((s) => s.line <= line).sort((a, b) => b.line - a.line)[0];
    for (const [at, text] of lines.entries()) {
      if (!(text.match(/[A-Za-z_$][\w$]*/g) ?? []).some((token) => compoundTerm(token) === term)) continue;
      const symbol = last(file.symbols, at + 1);
      if (!symbol) continue;
      const member = last(symbol.members, at + 1);
      return { symbol, ...(member?.kind === 'method' ? { member } : {}) };
    }
    return undefined;
  }

  filesOf(project: string): IndexedFile[] {
    return [...this.index.files.values()].filter((f) => f.project === project);
  }

  /** Which side of the system a project is on (see `projectSide`), with what its code is. */
  sideOf(project: ProjectFact): ReturnType<typeof projectSide> {
    let side = this.sides.get(project.name);
    if (!side) {
      side = projectSide(
        project,
        this.filesOf(project.name).flatMap((f) => (f.role === 'test' ? [] : [f.role])),
      );
      this.sides.set(project.name, side);
    }
    return side;
  }

  /** Every route the server declares. */
  routes(): ServerRoute[] {
    this.serverRoutes ??= [...this.index.files.values()].filter((f) => f.role !== 'test').flatMap((file) => this.routesIn(file));
    return this.serverRoutes;
  }

  /** The routes' common global prefixes (`app.setGlobalPrefix('api')`), which clients may or may not write. */
  prefixes(): string[] {
    if (!this.globalPrefixes) {
      const found = new Set<string>();
      for (const file of this.index.files.values()) {
        if (file.role === 'test' || !countOf(file.words.body, '#setglobalprefix')) continue;
        const prefix = GLOBAL_PREFIX.exec(readText(this.source, file.path) ?? '')?.[1];
        if (prefix) found.add(prefix.replace(/^\/|\/$/g, ''));
      }
      this.globalPrefixes = [...found];
    }
    return this.globalPrefixes;
  }

  /** Controllers (decorated classes) by their route prefix: `orders` → the OrdersController file. */
  controllers(): Array<{ file: IndexedFile; owner: string; prefix: string }> {
    return [...this.index.files.values()].flatMap((file) =>
      file.symbols.flatMap((symbol) => {
        const match = symbol.decorators.map((d) => CONTROLLER_DECORATOR.exec(d)).find(Boolean);
        return match ? [{ file, owner: symbol.name, prefix: trimSlashes(match[1] ?? match[2] ?? '') }] : [];
      }),
    );
  }

  /** Files (outside the server) that call the server with a literal API path. */
  clientCalls(): ClientCall[] {
    if (!this.clientCallList) {
      const serverFiles = new Set(this.routes().map((r) => r.file));
      const calls: ClientCall[] = [];
      for (const file of this.index.files.values()) {
        if (file.role === 'test' || serverFiles.has(file.path) || !mayCallServer(file)) continue;
        const text = readText(this.source, file.path) ?? '';
        for (const match of text.matchAll(API_PATH_LITERAL)) calls.push({ file: file.path, path: match[1] });
      }
      this.clientCallList = calls;
    }
    return this.clientCallList;
  }

  /** Normalised segments of a route or call path, without a global prefix: `/api/orders/:id` → orders, :param. */
  segments(path: string): string[] {
    const parts = trimSlashes(path.split('?')[0]).split('/').filter(Boolean);
    const prefixes = new Set(this.prefixes());
    while (parts.length && prefixes.has(parts[0])) parts.shift();
    return parts.map((part) => (part.startsWith(':') || part.startsWith('${') || part.startsWith('{') ? ':param' : part.toLowerCase()));
  }

  /**
   * Whether a name is written anywhere in the workspace's code: a field, a parameter, an import from a package.
   * A name the inputs mention that is written but not declared is existing code, not code to add.
   */
  isWritten(name: string): boolean {
    const term = compoundTerm(name);
    for (const file of this.index.files.values()) if (countOf(file.words.body, term) > 0) return true;
    return false;
  }

  /** A file's text, read through the workspace source. */
  text(path: string): string {
    return readText(this.source, path) ?? '';
  }

  /**
   * Whether some file's path within its project or its declared names hold all these words: "account page" → an
   * `AccountPage`, `account/page.tsx`; "settings collaborators page" → `space-setting/collaborator/CollaboratorPage.tsx`.
   * Not the project's own root, where `apps/api/...` would make every file of the API "about" the API.
   */
  isSpelled(words: string[]): boolean {
    this.spelled ??= [...this.index.files.values()].map((file) => {
      const within = pathWithin(this.facts.projects[file.project]?.root, file.path);
      return new Set(splitWords(`${within} ${file.symbols.map((s) => s.name).join(' ')}`));
    });
    return this.spelled.some((own) => words.every((w) => own.has(w)));
  }

  /** Files that use a symbol by name (its compound name in their text), the declaring file excluded. */
  usersOf(name: string, except?: string): IndexedFile[] {
    const term = compoundTerm(name);
    return [...this.index.files.values()].filter((f) => f.path !== except && countOf(f.words.body, term) > 0);
  }

  /**
   * Whether `from` imports the file at `to`, directly or through barrels that re-export it: how an engineer
   * checks that a page calls a module, where a name in its text may only be a comment's.
   */
  importsThroughBarrels(from: IndexedFile, to: string): boolean {
    const seen = new Set<string>();
    const queue = [...from.imports];
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      if (path === to) return true;
      if (seen.has(path)) continue;
      seen.add(path);
      const file = this.index.files.get(path);
      if (file?.barrel) queue.push(...file.imports);
    }
    return false;
  }

  /** A project's source files that sit in its main source folder (the folder holding most of them). */
  mainFolder(project: ProjectFact): string {
    const counts = new Map<string, number>();
    for (const file of this.filesOf(project.name)) {
      if (file.role === 'test' || posix.basename(file.path).startsWith('index.')) continue;
      const folder = posix.dirname(file.path);
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? project.sourceRoot ?? project.root;
  }

  /** The project's barrel (`src/index.ts`) when it re-exports its modules one by one. */
  barrelOf(project: ProjectFact): string | undefined {
    const candidates = [`${project.sourceRoot}/index.ts`, `${project.root}/src/index.ts`, `${project.root}/index.ts`];
    return candidates.find((path) => this.index.files.has(path) && /export\s+\*\s+from|export\s*\{/.test(readText(this.source, path) ?? ''));
  }

  /**
   * The spec of a source file: the one beside it, unless it holds only its generator's scaffold case (see
   * `isScaffoldSpec`); else its project's suite test that best matches the feature,
   * wherever the project keeps such tests (`test/table-export.e2e-spec.ts` for a change to the export service,
   * `e2e/order-promotion.e2e-spec.ts` for coupons in `order.service.ts`), as an engineer looks for the tests of the
   * behaviour; else the spec to add beside it, by the naming its project uses (`x.spec.ts` or `x.test.ts`).
   */
  specFor(path: string): { path: string; exists: boolean } {
    const extension = posix.extname(path);
    const base = path.slice(0, -extension.length);
    const project = this.projectOf(path);
    // A file with no spec of its own, or only the generator's scaffold, is tested by its project's suite for the
    // feature (an e2e or integration test).
    const suite = project && this.suiteFor(project.name);
    for (const suffix of ['.spec', '.test']) {
      const candidate = `${base}${suffix}${extension}`;
      if (!this.source.exists(candidate)) continue;
      if (suite && isScaffoldSpec(readText(this.source, candidate) ?? '')) break;
      return { path: candidate, exists: true };
    }
    if (suite) return { path: suite, exists: true };
    const usesTest = project
      ? this.filesOf(project.name).some((f) => /\.test\.[jt]sx?$/.test(f.path)) && !this.filesOf(project.name).some((f) => /\.spec\.[jt]sx?$/.test(f.path))
      : false;
    return { path: `${base}${usesTest ? '.test' : '.spec'}${extension}`, exists: false };
  }

  /** A project's suite test that best matches the feature (see `featureTests` in the context engine), if any. */
  suiteFor(project: string): string | undefined {
    return this.featureTests[project];
  }

  /** Words of a name as an engineer reads it, verbs and all: `useExportOrders` → use, export, order. */
  static words(name: string): string[] {
    return identifierWords(name);
  }

  private routesIn(file: IndexedFile): ServerRoute[] {
    const routes: ServerRoute[] = [];
    for (const symbol of file.symbols) {
      const controller = symbol.decorators.map((d) => CONTROLLER_DECORATOR.exec(d)).find(Boolean);
      if (!controller) continue;
      const prefix = trimSlashes(controller[1] ?? controller[2] ?? '');
      for (const member of symbol.members) {
        for (const decorator of member.decorators) {
          const http = HTTP_DECORATOR.exec(decorator);
          if (http)
            routes.push({ method: http[1].toUpperCase(), path: joinRoute(prefix, http[2] ?? ''), file: file.path, owner: symbol.name, handler: member.name });
        }
      }
    }
    if (routes.length === 0 && hasAny(file.words.body, ROUTER_WORDS)) {
      for (const match of (readText(this.source, file.path) ?? '').matchAll(ROUTER_CALL)) {
        routes.push({ method: match[1].toUpperCase(), path: joinRoute('', match[2]), file: file.path });
      }
    }
    return routes;
  }
}

/**
 * The one case the code generators write beside a new file: `should be defined` (Nest and @nx/nest), `should
 * create` (Angular), `should render successfully` (@nx/react), `should work` (@nx/js). A spec holding only that
 * case tests no behaviour, and the project tests its features elsewhere when it has a suite for them: 49 of
 * teable's 71 server specs are such scaffolds, while its features are tested in `test/*.e2e-spec.ts`.
 */
const SCAFFOLD_CASE = /^\s*(?:it|test)\(\s*(['"`])(?:should (?:be defined|create|be created|render successfully|work))\1/m;
const TEST_CASE = /^\s*(?:it|test)(?:\.\w+)*\(/gm;

/** Whether a spec holds only its generator's scaffold case (see `SCAFFOLD_CASE`). */
export function isScaffoldSpec(text: string): boolean {
  return SCAFFOLD_CASE.test(text) && (text.match(TEST_CASE) ?? []).length === 1;
}

function rankHit(hit: SymbolHit): number {
  return (hit.symbol.exported ? 0 : 2) + (hit.file.role === 'test' ? 4 : 0) + (/\.stories\.|\.d\.ts$/.test(hit.file.path) ? 4 : 0);
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function joinRoute(prefix: string, path: string): string {
  return `/${[trimSlashes(prefix), trimSlashes(path)].filter(Boolean).join('/')}`;
}

/** Client code names the server through a request helper; a file with none of these words makes no call. */
const REQUEST_WORDS = new Set(['fetch', 'http', 'request', 'axios', 'api', 'client', 'get', 'post']);
/** Words of a file that may declare routes on a router (`router.get('/x', …)`). */
const ROUTER_WORDS = new Set(['router', 'route', 'get', 'post']);

function mayCallServer(file: IndexedFile): boolean {
  return hasAny(file.words.body, REQUEST_WORDS);
}
