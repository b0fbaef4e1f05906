import type { FileWords } from './file-words';
export type SymbolKind = 'class' | 'function' | 'interface' | 'type' | 'enum' | 'variable' | 'method' | 'property';

/** A declaration worth showing, as a signature (never a body). */
export interface CodeSymbol {
  name: string;
  kind: SymbolKind;
  /** One-line (or few-line) signature text, e.g. `findAll(filter: OrderFilter): Promise<Order[]>`. */
  signature: string;
  exported: boolean;
  /** 1-based line in the file. */
  line: number;
  /** Architecture-bearing decorators as written, e.g. `@Controller('orders')`, `@Get(':id')`, `@Entity()`. */
  decorators: string[];
  /** First sentence of its doc comment, if any. */
  doc?: string;
  /** Public members of a class or interface. */
  members: CodeSymbol[];
}

/** The role a file plays, from its decorators and name (controller, service, entity, component, ...). */
export type FileRole =
  'controller' | 'service' | 'module' | 'entity' | 'dto' | 'component' | 'hook' | 'store' | 'guard' | 'model' | 'util' | 'config' | 'test' | 'other';

/** What the syntax scan knows about one source file. */
export interface IndexedFile {
  /** Workspace-relative path. */
  path: string;
  project: string;
  role: FileRole;
  /** Top-level declarations (exported or not), with public members of classes and interfaces. */
  symbols: CodeSymbol[];
  /** Workspace-relative paths of the files it imports (resolved relative imports and project import paths). */
  imports: string[];
  /** The file's leading doc comment, first sentence. */
  doc?: string;
  /** It only imports and re-exports (an `index.ts` barrel): it has no code of its own to change. */
  barrel?: boolean;
  /** Written by a tool (its name or header says so: `generated-types.ts`, `@generated`): it changes when its source does. */
  generated?: boolean;
  /** It declares types only (interfaces, type aliases, enums): see `declaresTypesOnly`. */
  typesOnly?: boolean;
  bytes: number;
  /** Content hash (Nx's, when its file map was given): what the on-disk cache is keyed by. */
  hash: string;
  /** Its words as the lexical match reads them (the whole text, declared names, routes, outline). */
  words: FileWords;
}

export interface CodeIndex {
  files: Map<string, IndexedFile>;
  /** Files skipped, and why (too large, unparsable, generated). */
  skipped: Array<{ path: string; reason: string }>;
  /** Files kept with a caveat (syntax errors the parser recovered from). */
  warnings: Array<{ path: string; reason: string }>;
  /** How the index was built: how many files were parsed now and how many came from the cache. */
  stats: { files: number; parsed: number; cached: number };
}
