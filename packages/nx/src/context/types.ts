import type { ChangeHistory } from '../code/change-history';
import type { CodeIndex, CodeSymbol, FileRole } from '../code/types';
import type { FileSource } from '../utils/file-source';
import type { ProjectFileMap, WorkspaceFacts } from '../workspace/types';

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
  /** Per project, its suite test that best matches the feature (see `featureTests`): where a file with no spec beside it is tested. */
  featureTests: Record<string, string>;
  /** Mermaid flowchart of the affected project and its neighbours. */
  diagram: string;
  /**
   * The affected project's neighbours as the diagram draws them: the Nx graph's dependencies and those the code's
   * imports show, so a plan's list of dependents never contradicts its diagram.
   */
  neighbours: { dependencies: string[]; dependents: string[] };
  budget: number;
  tokens: number;
  /** The rendered pack: what a model would be shown. */
  text: string;
  /** Notes on what was skipped and why (huge files, parse errors, ...). */
  notes: string[];
}
