import { Minimatch } from 'minimatch';
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
 * .gitignore and .nxignore and assigns each file to its project); otherwise the project folders are walked.
 * Either way `.gitignore` and `.groundplanignore` patterns are applied, so nothing the user keeps out of a
 * share reaches the index.
 */
export function listSourceFiles(projects: Record<string, ProjectFact>, source: FileSource, fileMap?: ProjectFileMap): SourceFileRef[] {
  const ignored = ignoreMatcher(source);
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

/** `.gitignore`-style patterns of the workspace root (no negation): a pattern without a slash matches at any depth. */
function ignoreMatcher(source: FileSource): (path: string) => boolean {
  const patterns = ['.gitignore', '.groundplanignore']
    .flatMap((file) => (readText(source, file) ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => new Minimatch(toGlob(line), { dot: true }).makeRe())
    .filter((pattern): pattern is RegExp => pattern instanceof RegExp);
  if (patterns.length === 0) return () => false;
  return (path) => patterns.some((pattern) => pattern.test(path));
}

function toGlob(pattern: string): string {
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  const body = pattern.replace(/^\//, '').replace(/\/$/, '');
  return `${anchored ? '' : '**/'}${body}{,/**}`;
}
