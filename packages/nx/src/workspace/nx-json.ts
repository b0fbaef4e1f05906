import { parseJsonc } from '../utils/jsonc';
import type { FileSource } from '../utils/file-source';
import { readText } from '../utils/file-source';

/** The parts of nx.json Groundplan reads: its plugin entry (options) and `owners`. */
export interface NxJsonLike {
  plugins?: Array<string | { plugin: string; options?: unknown }>;
  owners?: { patterns?: Array<{ projects?: string[]; files?: string[]; owners?: string[] }> };
}

export class NxJsonError extends Error {}

/**
 * The one reader of nx.json. Nx itself accepts comments and trailing commas there, so this does too; a
 * workspace without one reads as empty, and one that does not parse is an error that names the file.
 */
export function readNxJson(source: FileSource): NxJsonLike {
  const text = readText(source, 'nx.json');
  if (text === undefined) return {};
  const json = parseJsonc<NxJsonLike>(text);
  if (json === undefined || typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new NxJsonError(`${source.root}/nx.json is not valid JSON (comments and trailing commas are fine): fix it, then run again.`);
  }
  return json;
}
