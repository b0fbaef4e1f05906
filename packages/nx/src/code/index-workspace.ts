import { createHash } from 'node:crypto';
import type { FileSource } from '../utils/file-source';
import type { ProjectFact } from '../workspace/types';
import { declaresTypesOnly, fileRole } from './file-role';
import { readIndexCache, symbolsOf, writeIndexCache, type CachedScan, type IndexCache } from './index-cache';
import { listSourceFiles, type SourceFileRef } from './list-files';
import { importResolver, resolutionKey, resolutionRules, type ImportResolver } from './resolve-imports';
import type { CodeIndex, IndexedFile } from './types';
import type { ProjectFileMap } from '../workspace/types';
import { fileWords } from './file-words';
import { lazyProperty } from '../utils/lazy-property';

export interface IndexOptions {
  projects: Record<string, ProjectFact>;
  source: FileSource;
  /** Nx's project file map: the file list and the hashes the cache is keyed by. Without it, files are walked and hashed. */
  fileMap?: ProjectFileMap;
  /** Where the cache lives (see `workspaceDataDir`); none: no cache. */
  cacheDir?: string;
}

/** Files above this are generated or data far more often than code a plan should cite. */
export const MAX_FILE_BYTES = 300 * 1024;

/**
 * Scans every source file of the workspace's projects, syntax only, one file at a time (no program, no
 * dependency resolution), reusing the cached scan of every file whose hash has not changed.
 */
export function indexWorkspace(options: IndexOptions): CodeIndex {
  const { projects, source, cacheDir } = options;
  const refs = listSourceFiles(projects, source, options.fileMap);
  const cache: IndexCache = cacheDir ? readIndexCache(cacheDir) : { scans: new Map() };
  const scans = new Map<string, CachedScan>();
  const index: CodeIndex = { files: new Map(), skipped: [], warnings: [], stats: { files: 0, parsed: 0, cached: 0 } };
  for (const ref of refs) {
    const result = scanRef(ref, source, cache.scans.get(ref.path));
    if (!result) continue;
    scans.set(ref.path, result.scan);
    index.stats[result.fresh ? 'parsed' : 'cached']++;
  }
  const projectOf = new Map(refs.map((ref) => [ref.path, ref.project]));
  for (const [path, scan] of scans) {
    if (scan.skipped) index.skipped.push({ path, reason: scan.skipped });
    else index.files.set(path, indexedFile(path, projectOf.get(path)!, scan));
    if (scan.syntaxErrors) index.warnings.push({ path, reason: `${scan.syntaxErrors} syntax error(s); kept what parsed` });
  }
  const indexed = new Set(index.files.keys());
  const rules = resolutionRules(source, projects);
  const resolution = resolutionKey(indexed, rules);
  resolveImports(index, scans, resolution === cache.resolution, () => importResolver(indexed, rules));
  const changed = index.stats.parsed > 0 || scans.size !== cache.scans.size || resolution !== cache.resolution;
  if (cacheDir && changed) writeIndexCache(cacheDir, { scans, resolution });
  index.stats.files = index.files.size;
  return index;
}

function scanRef(ref: SourceFileRef, source: FileSource, cached: CachedScan | undefined): { scan: CachedScan; fresh: boolean } | undefined {
  if (cached && ref.hash && cached.hash === ref.hash) return { scan: cached, fresh: false };
  const content = source.read(ref.path);
  if (!content) return undefined;
  const hash = ref.hash ?? createHash('sha1').update(content).digest('hex');
  if (cached?.hash === hash) return { scan: cached, fresh: false };
  return { scan: scanContent(ref.path, content, hash), fresh: true };
}

function scanContent(path: string, content: Buffer, hash: string): CachedScan {
  const bytes = content.length;
  if (bytes > MAX_FILE_BYTES) return { hash, bytes, skipped: `larger than ${MAX_FILE_BYTES / 1024} KB` };
  const text = content.toString('utf8');
  if (looksMinified(text)) return { hash, bytes, skipped: 'minified (lines too long to be written by hand)' };
  try {
    // Required on first use: a warm run, all from the cache, never loads TypeScript.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { scanSource } = require('./scan-file') as typeof import('./scan-file');
    const scan = scanSource(path, text);
    const flags = { ...(isGenerated(path, text) ? { generated: true } : {}), ...(declaresTypesOnly(scan.symbols) ? { typesOnly: true } : {}) };
    return { hash, bytes, ...scan, ...flags, role: fileRole(path, scan.symbols), words: fileWords(text, scan.symbols, scan.doc) };
  } catch (error) {
    return { hash, bytes, skipped: `could not be parsed: ${(error as Error).message}` };
  }
}

/**
 * Written by a tool, by the conventions of code generators: a `generated` part in its path (`generated-types.ts`,
 * `api.generated.ts`, `__generated__/`), or a header saying so (`@generated`, "auto-generated", "do not edit").
 */
function isGenerated(path: string, text: string): boolean {
  return (
    /(^|[/._-])(__)?generated(__)?([/._-]|$)/i.test(path) ||
    /@generated\b|auto-?generated|automatically generated|do not (edit|modify)\b/i.test(text.slice(0, 600))
  );
}

/** Generated files of a normal size stay: commits change them too (a regenerated config, a rule list). */
function looksMinified(text: string): boolean {
  // Enough lines to bring the average under the bound settle it: hand-written code gets there a tenth of the way in.
  const enough = text.length / 400;
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0 && lines < enough; at = text.indexOf('\n', at + 1)) lines++;
  return text.length / lines > 400;
}

/** Its symbols are read from the scan when first asked for: a scan from the cache parses them then. */
function indexedFile(path: string, project: string, scan: CachedScan): IndexedFile {
  const file: Omit<IndexedFile, 'symbols'> = {
    path,
    project,
    role: scan.role!,
    imports: [],
    ...(scan.doc ? { doc: scan.doc } : {}),
    ...(scan.barrel ? { barrel: true } : {}),
    ...(scan.generated ? { generated: true } : {}),
    ...(scan.typesOnly ? { typesOnly: true } : {}),
    bytes: scan.bytes,
    hash: scan.hash,
    // Every scan that is not skipped has its role and words.
    words: scan.words!,
  };
  lazyProperty(file as IndexedFile, 'symbols', () => symbolsOf(scan));
  return file as IndexedFile;
}

/**
 * Each file's imports: those cached with its scan while all they resolve by is the same (`reuse`), else resolved
 * now (the resolver made only then: its map of every file's stems is most of its cost) and kept with the scan for the cache.
 */
function resolveImports(index: CodeIndex, scans: Map<string, CachedScan>, reuse: boolean, makeResolver: () => ImportResolver): void {
  let resolve: ImportResolver | undefined;
  for (const file of index.files.values()) {
    const scan = scans.get(file.path)!;
    if (reuse && scan.imports) {
      file.imports = scan.imports;
      continue;
    }
    resolve ??= makeResolver();
    const imports = new Set<string>();
    for (const specifier of scan.specifiers ?? []) {
      const target = resolve(file.path, specifier);
      if (target && target !== file.path) imports.add(target);
    }
    file.imports = scan.imports = [...imports];
  }
}
