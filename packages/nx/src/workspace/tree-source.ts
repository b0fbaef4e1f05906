import type { Tree } from '@nx/devkit';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSource } from '../utils/file-source';
import { isInWorkspace, MAX_FILE_BYTES } from '../utils/workspace-path';

/**
 * The Nx Tree as a FileSource: generators read through it, so they see their own pending writes. Confined
 * like the disk source: a path out of the workspace (as written or through a symlink) does not exist, a
 * file on disk must be a regular file (the Tree would block on a FIFO) and no larger than the cap.
 */
export function treeSource(tree: Tree, maxFileBytes = MAX_FILE_BYTES): FileSource {
  const usable = (path: string) =>
    typeof path === 'string' && !path.includes('\0') && isInWorkspace(tree.root, path) && regularOnDisk(tree.root, path, maxFileBytes);
  return {
    root: tree.root,
    read: (path) => (usable(path) && tree.isFile(path) ? (tree.read(path) ?? undefined) : undefined),
    exists: (path) => usable(path) && tree.exists(path),
    isFile: (path) => usable(path) && tree.isFile(path),
    list: (dir) => (usable(dir) && tree.exists(dir) && !tree.isFile(dir) ? tree.children(dir).sort() : []),
  };
}

/** A path on disk is a folder or a regular file within the cap; one only in the Tree (pending) is fine. */
function regularOnDisk(root: string, path: string, limit: number): boolean {
  const abs = join(root, path);
  if (!existsSync(abs)) return true;
  try {
    const stat = statSync(abs);
    return stat.isDirectory() || (stat.isFile() && stat.size <= limit);
  } catch {
    return false;
  }
}
