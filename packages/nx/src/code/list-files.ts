import ignore from 'ignore';
import type { FileSource } from '../utils/file-source';
import { readText } from '../utils/file-source';
import { isSecretPath } from '../utils/secrets';
import type { ProjectFact } from '../workspace/types';
import type { ProjectFileMap } from '../workspace/types';

export interface SourceFileRef {
  path: string;
  project: string;
  /** Nx's hash of the content, when the project file map gave one. */
  hash?: string;
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const NOT_SOURCE = /\.d\.[cm]?ts$|\.min\.js$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'tmp', 'out-tsc', '__snapshots__']);

/**
 * The source files of every project. Nx's project file map is the truth when given (it already honours
 * .gitignore and .nxignore and assigns each file to its project); otherwise the project folders are walked and
 * `.gitignore` is applied here. Either way `.groundplanignore` is applied, so nothing the user keeps out of a
 * share reaches the index.
 */
export function listSourceFiles(projects: Record<string, ProjectFact>, source: FileSource, fileMap?: ProjectFileMap): SourceFileRef[] {
  const ignored = ignoreMatcher(source, fileMap ? ['.groundplanignore'] : ['.gitignore', '.groundplanignore']);
  const refs = fileMap ? fromFileMap(fileMap, projects) : walkProjects(projects, source);
  return refs.filter((ref) => isSource(ref.path) && !isSecretPath(ref.path) && !ignored(ref.path)).sort((a, b) => a.path.localeCompare(b.path));
}

function isSource(path: string): boolean {
  return SOURCE_FILE.test(path) && !NOT_SOURCE.test(path) && !path.split('/').some((part) => SKIPPED_DIRS.has(part));
}

function fromFileMap(fileMap: ProjectFileMap, projects: Record<string, ProjectFact>): SourceFileRef[] {
  return Object.entries(fileMap)
    .filter(([project]) => projects[project])
    .flatMap(([project, files]) => files.map(({ file, hash }) => ({ path: file, project, hash })));
}

function walkProjects(projects: Record<string, ProjectFact>, source: FileSource): SourceFileRef[] {
  const roots = new Map(Object.values(projects).map((p) => [p.root, p.name]));
  const refs: SourceFileRef[] = [];
  const walk = (dir: string, project: string) => {
    for (const name of source.list(dir)) {
      const path = dir ? `${dir}/${name}` : name;
      if (source.isFile(path)) refs.push({ path, project });
      else if (!name.startsWith('.') && !SKIPPED_DIRS.has(name) && !roots.has(path)) walk(path, project);
    }
  };
  for (const [root, project] of roots) walk(root, project);
  return refs;
}

/**
 * The workspace root's ignore files, with git's semantics (the `ignore` package, as Nx reads them): negation,
 * anchoring and directory patterns included.
 */
function ignoreMatcher(source: FileSource, files: string[]): (path: string) => boolean {
  const rules = files.map((file) => readText(source, file) ?? '').filter((text) => text.trim());
  if (rules.length === 0) return () => false;
  const matcher = ignore().add(rules.join('\n'));
  return (path) => matcher.ignores(path);
}
