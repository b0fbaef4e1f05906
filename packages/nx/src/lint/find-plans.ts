import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import { diskSource, type FileSource } from '../utils/file-source';

/** Folders no plan lives in; walking them would only cost time. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.nx', 'dist', 'coverage', 'tmp']);

export interface FoundPlans {
  /** Workspace-relative paths, sorted, each once. */
  files: string[];
  /** Patterns that matched no file: a run must say so rather than pass on nothing. */
  unmatched: string[];
}

/** Expands workspace-relative files and globs to the files they match. */
export function findPlans(root: string, patterns: string[]): FoundPlans {
  const source = diskSource(root);
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns.map((p) => posix.normalize(p))) {
    const matches = isGlob(pattern) ? globFrom(source, pattern) : source.isFile(pattern) ? [pattern] : [];
    if (matches.length === 0) unmatched.push(pattern);
    matches.forEach((file) => files.add(file));
  }
  return { files: [...files].sort(), unmatched };
}

function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Walks only below the pattern's fixed leading folders. */
function globFrom(source: FileSource, pattern: string): string[] {
  const segments = pattern.split('/');
  const fixed = segments.slice(0, segments.findIndex(isGlob)).join('/');
  const matches: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of source.list(dir)) {
      const path = dir ? `${dir}/${entry}` : entry;
      if (source.isFile(path)) {
        if (minimatch(path, pattern, { dot: true })) matches.push(path);
      } else if (!SKIPPED_DIRS.has(entry)) walk(path);
    }
  };
  walk(fixed);
  return matches;
}
