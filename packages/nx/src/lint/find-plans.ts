import { realpathSync } from 'node:fs';
import { join, posix } from 'node:path';
import { minimatch } from 'minimatch';
import { diskSource, type FileSource } from '../utils/file-source';
import { isSymlink } from '../utils/workspace-path';
import { LintConfigError } from './severity';

/** Folders no plan lives in; walking them would only cost time. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.nx', 'dist', 'coverage', 'tmp']);

/** A glob walk stops after this many folders: a pattern that would walk more is too broad to mean plans. */
export const MAX_WALKED_DIRS = 50_000;

export interface FoundPlans {
  /** Workspace-relative paths, sorted, each once. */
  files: string[];
  /** Patterns that matched no file: a run must say so rather than pass on nothing. */
  unmatched: string[];
}

/**
 * Expands workspace-relative files and globs to the files they match. Confined: a pattern that leaves the
 * workspace (`/…`, `../…`) is an error; the walk does not follow linked folders (no symlink loop, no walk
 * out through a link) and a file reached twice (through a link to it) is linted once.
 */
export function findPlans(root: string, patterns: string[], option = 'plans'): FoundPlans {
  const source = diskSource(root);
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  for (const given of patterns) {
    const pattern = posix.normalize(given.replace(/\\/g, '/')).replace(/^\.\//, '');
    if (pattern.startsWith('/') || pattern === '..' || pattern.startsWith('../') || /^[A-Za-z]:/.test(pattern) || pattern.includes('\0')) {
      throw new LintConfigError(`${option}: "${given}" is outside the workspace (${root}); name plans by paths or globs inside it.`);
    }
    const matches = isGlob(pattern) ? globFrom(root, source, pattern, given, option) : source.isFile(pattern) ? [pattern] : [];
    if (matches.length === 0) unmatched.push(pattern);
    for (const file of matches) {
      const real = realOf(join(root, file));
      if (seen.has(real)) continue;
      seen.add(real);
      files.push(file);
    }
  }
  return { files: files.sort(), unmatched };
}

function realOf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Walks only below the pattern's fixed leading folders, never into a linked folder. */
function globFrom(root: string, source: FileSource, pattern: string, given: string, option: string): string[] {
  const segments = pattern.split('/');
  const fixed = segments.slice(0, segments.findIndex(isGlob)).join('/');
  const matches: string[] = [];
  let walked = 0;
  const walk = (dir: string): void => {
    if (++walked > MAX_WALKED_DIRS) {
      throw new LintConfigError(`${option}: "${given}" walks more than ${MAX_WALKED_DIRS} folders; narrow it to the folders that hold plans.`);
    }
    for (const entry of source.list(dir)) {
      const path = dir ? `${dir}/${entry}` : entry;
      if (source.isFile(path)) {
        if (minimatch(path, pattern, { dot: true })) matches.push(path);
      } else if (!SKIPPED_DIRS.has(entry) && !isSymlink(join(root, path)) && source.exists(path)) walk(path);
    }
  };
  walk(fixed);
  return matches;
}
