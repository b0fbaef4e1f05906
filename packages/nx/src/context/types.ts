import type { CodeIndex, ProjectFileMap } from '../code/types';
import type { ChangeHistory } from '../code/change-history';
import type { FileSource } from '../utils/file-source';
import type { WorkspaceFacts } from '../workspace/types';

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
export type FileRole = 'controller' | 'service' | 'module' | 'entity' | 'dto' | 'component' | 'hook' | 'store' | 'guard' | 'model' | 'util' | 'config' | 'test' | 'other';

export interface RankedProject {
  name: string;
  root: string;
  score: number;
  /** Short human explanation of why it ranks here. */
  why: string;
}

export interface RankedFile {
  /** Workspace-relative path. */
  path: string;
  project: string;
  role: FileRole;
  score: number;
  why: string;
  /** Symbols selected to show for this file. */
  symbols: CodeSymbol[];
  /** Estimated tokens of this file's part of the pack. */
  tokens: number;
}

export interface ContextRequest {
  facts: WorkspaceFacts;
  source: FileSource;
  /** The feature's text: all inputs concatenated (title first). */
  query: string;
  /** A project the user named; when absent the top-ranked project is the affected one. */
  project?: string;
  /** Token budget for the rendered pack. */
  budget?: number;
  /** Nx's project file map (`createProjectFileMapUsingProjectGraph`): file list and hashes, so unchanged files are not re-read. */
  fileMap?: ProjectFileMap;
  /** Folder of the on-disk index cache (`workspaceDataDir(root)`); without it nothing is written. */
  cacheDir?: string;
  /** The workspace's recent commits, when already read; otherwise read from git at the source's root. */
  history?: ChangeHistory;
  /** An index already built (e.g. by an earlier call in the same process). */
  index?: CodeIndex;
  /** The model's token counter, when a model is used; the pack is then fitted to its counts, not the estimate. */
  countTokens?: (text: string) => Promise<number>;
}

export interface ContextPack {
  /** The affected project (the named one, or the top-ranked). */
  affected: RankedProject;
  /** Ranked projects, best first (the affected one included). */
  projects: RankedProject[];
  /** Ranked files, best first, with their selected symbols; only what fits the budget. */
  files: RankedFile[];
  /** Spec files next to the selected files (existing tests to extend). */
  specs: string[];
  /** Mermaid flowchart of the affected project and its neighbours. */
  diagram: string;
  budget: number;
  tokens: number;
  /** The rendered pack: what a model would be shown. */
  text: string;
  /** Notes on what was skipped and why (huge files, parse errors, ...). */
  notes: string[];
}
