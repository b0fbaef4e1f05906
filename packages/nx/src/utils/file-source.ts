import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Read access to a workspace by workspace-relative paths. The generator reads through the Nx Tree (so it
 * sees its own pending changes); the linter and the CLI read the disk. The engine only knows this shape.
 */
export interface FileSource {
  readonly root: string;
  read(path: string): Buffer | undefined;
  exists(path: string): boolean;
  isFile(path: string): boolean;
  /** Names of the entries of a directory, or [] when it does not exist. */
  list(dir: string): string[];
}

export function diskSource(root: string): FileSource {
  const abs = (path: string) => join(root, path);
  return {
    root,
    read: (path) => (isFile(abs(path)) ? readFileSync(abs(path)) : undefined),
    exists: (path) => existsSync(abs(path)),
    isFile: (path) => isFile(abs(path)),
    list: (dir) => (isDirectory(abs(dir)) ? readdirSync(abs(dir)).sort() : []),
  };
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
