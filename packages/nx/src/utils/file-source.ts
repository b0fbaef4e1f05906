import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isInWorkspace, MAX_FILE_BYTES, readFileCapped } from './workspace-path';

/**
 * Read access to a workspace by workspace-relative paths. The generator reads through the Nx Tree (so it
 * sees its own pending changes); the linter and the CLI read the disk. The engine only knows this shape.
 *
 * Both are confined: a path that leaves the workspace (`../`, an absolute path, a symlink pointing out) does
 * not exist for them, only regular files are files (a FIFO or a device is not), and a read stops at a cap.
 */
export interface FileSource {
  readonly root: string;
  read(path: string): Buffer | undefined;
  exists(path: string): boolean;
  isFile(path: string): boolean;
  /** Names of the entries of a directory, or [] when it does not exist. */
  list(dir: string): string[];
}

export function diskSource(root: string, maxFileBytes = MAX_FILE_BYTES): FileSource {
  const abs = (path: string) => join(root, path);
  const inside = (path: string) => typeof path === 'string' && !path.includes('\0') && isInWorkspace(root, path);
  return {
    root,
    // The read itself refuses what is not a regular file (on the open descriptor), so no stat before it.
    read: (path) => (inside(path) ? readOrUndefined(abs(path), maxFileBytes) : undefined),
    exists: (path) => inside(path) && existsSync(abs(path)),
    isFile: (path) => inside(path) && isFile(abs(path)),
    list: (dir) => (inside(dir) && isDirectory(abs(dir)) ? readdirSync(abs(dir)).sort() : []),
  };
}

/** A read that fails (too large, swapped for a FIFO, gone) reads as no file; the caller says what is missing. */
function readOrUndefined(path: string, limit: number): Buffer | undefined {
  try {
    return readFileCapped(path, limit);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function readText(source: FileSource, path: string): string | undefined {
  return source.read(path)?.toString('utf8');
}
