import type { FileSource } from '../utils/file-source';

/** A FileSource over an in-memory map of workspace-relative paths. */
export function memorySource(files: Record<string, string>, root = '/workspace'): FileSource {
  const paths = Object.keys(files);
  const isDir = (dir: string) => dir === '' || paths.some((path) => path.startsWith(`${dir}/`));
  return {
    root,
    read: (path) => (path in files ? Buffer.from(files[path]) : undefined),
    exists: (path) => path in files || isDir(path),
    isFile: (path) => path in files,
    list: (dir) =>
      [...new Set(paths.filter((path) => dir === '' || path.startsWith(`${dir}/`)).map((path) => path.slice(dir ? dir.length + 1 : 0).split('/')[0]))].sort(),
  };
}
