import type { CodeSymbol, FileRole } from '../context/types';

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
  bytes: number;
}

export interface CodeIndex {
  files: Map<string, IndexedFile>;
  /** Files skipped, and why (too large, unparsable, generated). */
  skipped: Array<{ path: string; reason: string }>;
}
