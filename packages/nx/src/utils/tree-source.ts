import type { Tree } from '@nx/devkit';
import type { FileSource } from './file-source';

/** The Nx Tree as a FileSource: generators read through it, so they see their own pending writes. */
export function treeSource(tree: Tree): FileSource {
  return {
    root: tree.root,
    read: (path) => tree.read(path) ?? undefined,
    exists: (path) => tree.exists(path),
    isFile: (path) => tree.isFile(path),
    list: (dir) => (tree.exists(dir) && !tree.isFile(dir) ? tree.children(dir).sort() : []),
  };
}
