import { isAbsolute, join } from 'node:path';
import { readJsonCache, writeJsonCache } from '../utils/json-cache';
import type { FileWords } from './file-words';
import type { ScannedFile } from './scan-file';

/** What the scan of one file version produced; keyed by the file's hash, so any edit invalidates it. */
export interface CachedScan extends Partial<ScannedFile> {
  hash: string;
  bytes: number;
  /** Written by a tool (see `IndexedFile.generated`). */
  generated?: boolean;
  /** Its words, for the lexical match. */
  words?: FileWords;
  /** Why the file was not scanned (too large, generated); then there is nothing else. */
  skipped?: string;
}

/** Bump when the scan's output changes shape or meaning: old caches are then ignored. */
const CACHE_VERSION = 11;
const CACHE_FILE = 'groundplan-code-index.json';

/** Nx's own data folder for this checkout: `NX_WORKSPACE_DATA_DIRECTORY` or `.nx/workspace-data`. */
export function workspaceDataDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NX_WORKSPACE_DATA_DIRECTORY ?? env.NX_PROJECT_GRAPH_CACHE_DIRECTORY;
  if (configured === undefined) return join(root, '.nx', 'workspace-data');
  return isAbsolute(configured) ? configured : join(root, configured);
}

export function readIndexCache(dir: string): Map<string, CachedScan> {
  return readJsonCache(join(dir, CACHE_FILE), CACHE_VERSION);
}

/** A read-only workspace still gets its context; the next run scans again. */
export function writeIndexCache(dir: string, files: Map<string, CachedScan>): void {
  writeJsonCache(join(dir, CACHE_FILE), CACHE_VERSION, files);
}
