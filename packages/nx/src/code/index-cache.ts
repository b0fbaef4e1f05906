import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { writeCacheFile } from '../utils/json-cache';
import type { FileWords } from './file-words';
import { WORDS_VERSION } from './words';
import type { ScannedFile } from './scan-file';
import type { CodeSymbol, FileRole } from './types';

/** What the scan of one file version produced; keyed by the file's hash, so any edit invalidates it. */
export interface CachedScan extends Partial<ScannedFile> {
  hash: string;
  bytes: number;
  /** Written by a tool (see `IndexedFile.generated`). */
  generated?: boolean;
  /** Its role and whether it declares types only, from its declarations: known without reading its symbols back. */
  role?: FileRole;
  typesOnly?: boolean;
  /** Its words, for the lexical match. */
  words?: FileWords;
  /** The indexed files its imports resolved to: valid while the cache's resolution key is unchanged (see `resolutionKey`). */
  imports?: string[];
  /** Why the file was not scanned (too large, generated); then there is nothing else. */
  skipped?: string;
}

/**
 * A cached scan as the cache file's head holds it: its symbols are where they lie in the file's tail, its imports
 * are the positions of the files they name among the head's entries (a number where a path would repeat).
 */
type StoredScan = Omit<CachedScan, 'symbols' | 'imports'> & { symbols?: [offset: number, length: number]; imports?: number[] };

/** The scans read back, and the resolution key their imports were resolved under. */
export interface IndexCache {
  scans: Map<string, CachedScan>;
  resolution?: string;
}

/** Bump when the scan's output changes shape or meaning: old caches are then ignored (so are caches of other words). */
const CACHE_VERSION = `14.${WORDS_VERSION}`;
const CACHE_FILE = 'groundplan-code-index.json';
const NEWLINE = 0x0a;

/**
 * The symbols of each scan read back from the cache, as the bytes of their JSON: written back as they are, and
 * parsed only when the file's symbols are read (see `symbolsOf`).
 */
const storedSymbols = new WeakMap<CachedScan, Buffer>();

/** Nx's own data folder for this checkout: `NX_WORKSPACE_DATA_DIRECTORY` or `.nx/workspace-data`. */
export function workspaceDataDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NX_WORKSPACE_DATA_DIRECTORY ?? env.NX_PROJECT_GRAPH_CACHE_DIRECTORY;
  if (configured === undefined) return join(root, '.nx', 'workspace-data');
  return isAbsolute(configured) ? configured : join(root, configured);
}

/**
 * The cached scans, none when the file is missing, unreadable or of another version. The file is one line of
 * JSON (the scans without their symbols), then every scan's symbols as JSON one after the other: a warm run
 * parses the line, and the symbols of only the files it shows (they were 40% of the cache and of its read time).
 */
export function readIndexCache(dir: string): IndexCache {
  try {
    const data = readFileSync(join(dir, CACHE_FILE));
    const end = data.indexOf(NEWLINE);
    if (end < 0) return { scans: new Map() };
    const head = JSON.parse(data.toString('utf8', 0, end)) as { version: string; resolution?: string; entries: Record<string, StoredScan> };
    if (head.version !== CACHE_VERSION || !head.entries) return { scans: new Map() };
    const tail = data.subarray(end + 1);
    const stored = Object.entries(head.entries);
    // A cut file (a full disk) is no cache.
    if (stored.some(([, scan]) => scan.symbols && scan.symbols[0] + scan.symbols[1] > tail.length)) return { scans: new Map() };
    const paths = stored.map(([path]) => path);
    return { scans: new Map(stored.map(([path, scan]) => [path, readBack(scan, tail, paths)])), resolution: head.resolution };
  } catch {
    return { scans: new Map() };
  }
}

/** A read-only workspace still gets its context; the next run scans again. */
export function writeIndexCache(dir: string, { scans, resolution }: IndexCache): void {
  const position = new Map([...scans.keys()].map((path, at) => [path, at]));
  const entries: Record<string, StoredScan> = {};
  const tail: Buffer[] = [];
  let offset = 0;
  for (const [path, scan] of scans) {
    const { symbols, imports, ...entry } = scan;
    const bytes = storedSymbols.get(scan) ?? (symbols ? Buffer.from(JSON.stringify(symbols)) : undefined);
    entries[path] = {
      ...entry,
      ...(bytes ? { symbols: [offset, bytes.length] as [number, number] } : {}),
      ...(imports ? { imports: imports.map((target) => position.get(target)!) } : {}),
    };
    if (bytes) tail.push(bytes);
    offset += bytes?.length ?? 0;
  }
  const head = JSON.stringify({ version: CACHE_VERSION, resolution, entries });
  writeCacheFile(join(dir, CACHE_FILE), Buffer.concat([Buffer.from(`${head}\n`), ...tail]));
}

/** A scan's symbols: those it was scanned with, or those it was read back with, parsed now. */
export function symbolsOf(scan: CachedScan): CodeSymbol[] {
  const stored = storedSymbols.get(scan);
  return scan.symbols ?? (stored ? (JSON.parse(stored.toString('utf8')) as CodeSymbol[]) : []);
}

function readBack({ symbols: at, imports, ...stored }: StoredScan, tail: Buffer, paths: string[]): CachedScan {
  const scan: CachedScan = imports ? { ...stored, imports: imports.map((position) => paths[position]) } : stored;
  if (at) storedSymbols.set(scan, tail.subarray(at[0], at[0] + at[1]));
  return scan;
}
