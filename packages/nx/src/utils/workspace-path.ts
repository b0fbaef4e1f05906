import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The one gate for every path a user (or a plan, or a template folder) names. A path is usable when its real
 * location (symlinks resolved) is inside the workspace root; a file must be a regular file (not a directory,
 * FIFO, socket or device) and is read with a cap, so `/dev/zero`, a FIFO named PRD.md or a 5 GB log cannot
 * hang or exhaust memory. Every refusal is one line naming the option it came from.
 */
export class WorkspacePathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspacePathError';
  }
}

/** Default cap for one file read through a workspace source: far above any plan or source file worth reading. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface ResolvedPath {
  /** Absolute path as given (joined to the base). */
  abs: string;
  /** Workspace-relative, with forward slashes. */
  rel: string;
  /** Real absolute path (of the file, or of its deepest existing folder plus the rest for an output). */
  real: string;
}

const realRoots = new Map<string, string>();

/** The root's real path, cached: a workspace under a symlinked folder (/tmp on macOS) is still itself. */
export function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync.native(root);
    } catch {
      real = resolve(root);
    }
    realRoots.set(root, real);
  }
  return real;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `abs`, or of its deepest existing ancestor joined with the rest (for a file not written yet). */
function realPathOf(abs: string): string {
  const rest: string[] = [];
  for (let current = abs; ; current = dirname(current)) {
    try {
      return join(realpathSync.native(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return abs;
      rest.push(current.slice(parent.length).replace(/^[/\\]/, ''));
    }
  }
}

/**
 * Whether a workspace-relative (or absolute) path stays in the workspace, as written and once symlinks are
 * resolved. Cheap enough for every read: one realpath call.
 */
export function isInWorkspace(root: string, path: string): boolean {
  const abs = resolve(root, path);
  if (!isInside(resolve(root), abs)) return false;
  return isInside(realRoot(root), realPathOf(abs));
}

export type PathKind = 'file' | 'output' | 'directory';

export interface ResolveOptions {
  /** The option or field the path came from, for the message: `--inputs`, `outputFile`. */
  option: string;
  /** `file`: an existing regular file; `output`: a file to (over)write; `directory`: an existing folder. */
  kind: PathKind;
  /** Folder a relative path is relative to (default: the root). */
  base?: string;
  /** For an output: files it must never be (the plans being linted). Absolute or workspace-relative. */
  notOneOf?: string[];
}

/** Resolves a user-given path under the rules above, or throws a one-line WorkspacePathError. */
export function resolveWorkspacePath(root: string, given: string, options: ResolveOptions): ResolvedPath {
  const { option, kind } = options;
  if (typeof given !== 'string' || given.trim() === '') throw new WorkspacePathError(`Option ${option}: give a path, not an empty string.`);
  if (given.includes('\0')) throw new WorkspacePathError(`Option ${option}: the path contains a NUL character.`);
  const abs = resolve(options.base ?? root, given);
  const real = realPathOf(abs);
  if (!isInside(resolve(root), abs) || !isInside(realRoot(root), real)) {
    throw new WorkspacePathError(`Option ${option}: ${given} is outside the workspace (${root}); only files inside it are read or written.`);
  }
  const rel = relative(realRoot(root), real).split(sep).join('/');
  const stat = statOrUndefined(abs);
  if (kind === 'file') {
    if (!stat) throw new WorkspacePathError(`Option ${option}: ${given} does not exist (paths are relative to ${options.base ?? root}).`);
    if (!stat.isFile()) throw new WorkspacePathError(`Option ${option}: ${given} is ${describeKind(stat)}, not a regular file.`);
  } else if (kind === 'directory') {
    if (!stat?.isDirectory()) throw new WorkspacePathError(`Option ${option}: ${given} is not a folder.`);
  } else {
    if (stat && !stat.isFile()) throw new WorkspacePathError(`Option ${option}: ${given} is ${describeKind(stat)}; give a file name to write to.`);
    for (const other of options.notOneOf ?? []) {
      if (realPathOf(resolve(root, other)) === real) {
        throw new WorkspacePathError(`Option ${option}: ${given} is one of the files being read (${other}); writing there would overwrite it.`);
      }
    }
  }
  return { abs, rel, real };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** "a directory", "a FIFO (named pipe)": what a path is when it is not a regular file. */
export function describeKind(stat: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${path} is ${formatBytes(size)}, over the ${formatBytes(limit)} limit`);
    this.name = 'FileTooLargeError';
  }
}

export class NotRegularFileError extends Error {
  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    super(`${path} is ${what}, not a regular file`);
    this.name = 'NotRegularFileError';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Reads a regular file with a cap. Opened without blocking (a FIFO would wait for a writer forever), checked
 * to be a regular file on the open descriptor (no race with a swap), and never read past `limit` bytes:
 * a file that grows while read, or a device that never ends, stops there.
 */
export function readFileCapped(abs: string, limit: number): Buffer {
  const fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFileError(abs, describeKind(stat));
    if (stat.size > limit) throw new FileTooLargeError(abs, stat.size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read asks for one byte more than the file's size. After a read that filled its chunk (a file
    // over 1 MiB, or one that grew) the next is as large; after a short one, a small probe (from Node's buffer
    // pool) finds the end.
    const large = Math.min(Math.max(stat.size, 1) + 1, limit + 1, 1024 * 1024);
    let size = large;
    for (;;) {
      const chunk = Buffer.allocUnsafe(size);
      const read = readSync(fd, chunk, 0, size, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw new FileTooLargeError(abs, total, limit);
      chunks.push(chunk.subarray(0, read));
      size = read === size ? large : 4 * 1024;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (stdin) with a cap: past `limit` bytes it stops and throws instead of buffering forever. */
export async function readStreamCapped(stream: NodeJS.ReadableStream, limit: number, label: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.from(chunk as Buffer);
    total += buffer.length;
    if (total > limit) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new FileTooLargeError(label, total, limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** lstat that says whether a path is a symbolic link (the glob walk does not follow linked folders). */
export function isSymlink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A workspace-relative path as seen from a folder of the workspace (a project's root); unchanged when outside it. */
export function pathWithin(folder: string | undefined, path: string): string {
  return folder && path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path;
}
