import type { CodeIndex } from '../code/types';
import type { FileSource } from '../utils/file-source';
import { readText } from '../utils/file-source';
import type { ProjectFact, WorkspaceFacts } from '../workspace/types';

/** What the grounding rules ask of the workspace. Built once per run and shared by every plan. */
export interface LintWorkspace {
  facts: WorkspaceFacts;
  source: FileSource;
  /** Exported symbols per file; without it the symbol rule has nothing to check against. Built on first use. */
  readonly code?: CodeIndex;
  /** A project by name or import path. */
  findProject(nameOrImportPath: string): ProjectFact | undefined;
  /** The project whose root holds the path (the deepest one). */
  projectOfPath(path: string): ProjectFact | undefined;
  /** npm packages the workspace declares: `the \`zod\` library` is not a missing project. */
  isPackage(name: string): boolean;
}

/**
 * `code` may be a function: indexing a workspace costs more than linting a plan, so it is built only when a
 * plan names a symbol (or a missing file, whose moved copy it can find).
 */
export function createLintWorkspace(facts: WorkspaceFacts, source: FileSource, code?: CodeIndex | (() => CodeIndex)): LintWorkspace {
  const projects = Object.values(facts.projects);
  const byImportPath = new Map(projects.filter((p) => p.importPath).map((p) => [p.importPath!, p]));
  const deepestFirst = [...projects].sort((a, b) => b.root.length - a.root.length);
  const packages = declaredPackages(source);
  let index = typeof code === 'function' ? undefined : code;
  return {
    facts,
    source,
    get code() {
      if (!index && typeof code === 'function') index = code();
      return index;
    },
    findProject: (name) => facts.projects[name] ?? byImportPath.get(name) ?? byImportPath.get(packageOf(name)),
    projectOfPath: (path) => deepestFirst.find((p) => p.root === '' || path === p.root || path.startsWith(`${p.root}/`)),
    isPackage: (name) => packages.has(packageOf(name)),
  };
}

/** `@scope/name/deep/entry` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function declaredPackages(source: FileSource): Set<string> {
  const names = new Set<string>();
  try {
    const json = JSON.parse(readText(source, 'package.json') ?? '{}') as Record<string, Record<string, string> | undefined>;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const name of Object.keys(json[field] ?? {})) names.add(name);
    }
  } catch {
    // An unreadable package.json declares nothing.
  }
  return names;
}
