import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A JSON cache file's entries, or none when it is missing, unreadable or of another version. */
export function readJsonCache<T>(path: string, version: number): Map<string, T> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { version: number; entries: Record<string, T> };
    return data.version === version && data.entries ? new Map(Object.entries(data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

export function writeJsonCache<T>(path: string, version: number, entries: Map<string, T>): void {
  writeCacheFile(path, JSON.stringify({ version, entries: Object.fromEntries(entries) }));
}

/** Written to a temporary file and renamed, so a concurrent reader never sees half a cache; a read-only disk is no error. */
export function writeCacheFile(path: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch {
    // The next run computes again.
  }
}
