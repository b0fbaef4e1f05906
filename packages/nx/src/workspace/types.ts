import type { ProjectGraph } from '@nx/devkit';

/** Nx's project graph, named here so that the layers above workspace/ need not import @nx/devkit. */
export type NxProjectGraph = ProjectGraph;

/** Facts about a workspace, taken from its Nx project graph and config. Plain data: the engine's view of Nx. */
export type TargetKind = 'test' | 'e2e' | 'lint' | 'build' | 'serve' | 'typecheck' | 'other';

export interface TargetFact {
  name: string;
  kind: TargetKind;
  /** The executor, or `nx:run-commands` plus its command, for display. */
  executor: string;
  /** What it runs: its command, or for a package.json script's target the script itself. */
  command?: string;
}

export interface ProjectFact {
  name: string;
  root: string;
  sourceRoot: string;
  type: 'application' | 'library' | 'e2e';
  tags: string[];
  targets: TargetFact[];
  /** Direct dependencies on other workspace projects. */
  dependencies: string[];
  /** Workspace projects that depend directly on this one. */
  dependents: string[];
  /** Import path other projects use for it (tsconfig paths or package.json name), if any. */
  importPath?: string;
}

/** One `depConstraints` entry of `@nx/enforce-module-boundaries`. */
export interface DepConstraint {
  sourceTag?: string;
  allSourceTags?: string[];
  onlyDependOnLibsWithTags?: string[];
  notDependOnLibsWithTags?: string[];
}

export interface ModuleBoundaries {
  /** Workspace-relative path of the ESLint config the rules came from. */
  source?: string;
  constraints: DepConstraint[];
}

export type StackCategory = 'language' | 'framework' | 'ui' | 'database' | 'orm' | 'queue' | 'cache' | 'api' | 'validation' | 'test' | 'build' | 'other';

export interface StackItem {
  name: string;
  category: StackCategory;
  /** Where it was seen: a package.json dependency or an executor. */
  evidence: string;
}

export interface OwnerRule {
  pattern: string;
  owners: string[];
  source: string;
}

export interface WorkspaceFacts {
  root: string;
  projects: Record<string, ProjectFact>;
  boundaries: ModuleBoundaries;
  stack: StackItem[];
  owners: OwnerRule[];
}

/** The files of each project with a content hash: the shape of Nx's project file map. */
export type ProjectFileMap = Record<string, Array<{ file: string; hash: string }>>;
