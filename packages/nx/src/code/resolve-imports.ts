import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { FileSource } from '../utils/file-source';
import { readText } from '../utils/file-source';
import type { ProjectFact } from '../workspace/types';
import { parseJsonc } from '../utils/jsonc';

/** Turns a module specifier written in a file into the workspace file it names, or undefined (npm, missing). */
export type ImportResolver = (fromFile: string, specifier: string) => string | undefined;

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '/index.ts', '/index.tsx', '/index.js'];

/**
 * Resolves without a compiler: relative paths, the root tsconfig's `paths` (exact and `*` patterns), and the
 * projects' import paths (tsconfig alias or package.json name, with subpaths). Enough for the import graph the
 * ranking spreads over; exact module resolution would need every file's dependencies loaded, which is what the
 * syntax-only scan avoids.
 */
export function importResolver(indexed: Set<string>, { aliases, packages }: ResolutionRules): ImportResolver {
  const byStem = filesByStem(indexed);
  const existing = (base: string) => byStem.get(base) ?? byStem.get(base.replace(/\.[cm]?js$/, ''));
  // A bare specifier (`@acme/util`) resolves alike from every file, and hundreds of files import the same ones.
  const bare = new Map<string, string | undefined>();
  const resolveBare = (specifier: string) => {
    if (!bare.has(specifier)) bare.set(specifier, resolveAlias(specifier));
    return bare.get(specifier);
  };
  const resolveAlias = (specifier: string) => {
    for (const target of aliasTargets(aliases, specifier)) {
      const found = existing(target);
      if (found) return found;
    }
    const pkg = packages.find((p) => specifier === p.name || specifier.startsWith(`${p.name}/`));
    if (!pkg) return undefined;
    const subpath = specifier.slice(pkg.name.length);
    const root = pkg.root || '.';
    return existing(posix.join(root, subpath)) ?? existing(posix.join(root, 'src', subpath || 'index'));
  };
  return (fromFile, specifier) => (specifier.startsWith('.') ? existing(posix.join(posix.dirname(fromFile), specifier)) : resolveBare(specifier));
}

/**
 * All that a file's imports resolve by, besides its own specifiers: the indexed files, the tsconfig aliases and the
 * projects' import paths. While it is the same, so are the imports of every unchanged file (see the index cache).
 */
export function resolutionKey(indexed: Set<string>, { aliases, packages }: ResolutionRules): string {
  return createHash('sha1')
    .update(JSON.stringify([aliases, packages, [...indexed]]))
    .digest('hex');
}

export interface ResolutionRules {
  aliases: Alias[];
  packages: Array<{ name: string; root: string }>;
}

/** The workspace's rules for bare specifiers: the root tsconfig's `paths`, and the projects' import paths, longest first. */
export function resolutionRules(source: FileSource, projects: Record<string, ProjectFact>): ResolutionRules {
  const packages = Object.values(projects)
    .filter((p) => p.importPath)
    .map((p) => ({ name: p.importPath!, root: p.root }))
    .sort((a, b) => b.name.length - a.name.length);
  return { aliases: tsconfigPaths(source), packages };
}

/**
 * What each module path an import may write resolves to: the file itself, or the first of `EXTENSIONS` that an
 * indexed file has (`x` → `x.ts` before `x/index.ts`). Looked up once per import, instead of trying each extension.
 */
function filesByStem(indexed: Set<string>): Map<string, string> {
  const byStem = new Map<string, string>();
  for (const extension of EXTENSIONS) {
    for (const path of indexed) {
      if (!path.endsWith(extension)) continue;
      const stem = path.slice(0, path.length - extension.length);
      if (!byStem.has(stem)) byStem.set(stem, path);
    }
  }
  return byStem;
}

interface Alias {
  pattern: string;
  targets: string[];
}

function tsconfigPaths(source: FileSource): Alias[] {
  for (const file of ['tsconfig.base.json', 'tsconfig.json']) {
    const text = readText(source, file);
    if (text === undefined) continue;
    const options = parseJsonc<{ compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }>(text)?.compilerOptions ?? {};
    const baseUrl = options.baseUrl ?? '.';
    return Object.entries(options.paths ?? {}).map(([pattern, targets]) => ({
      pattern,
      targets: targets.map((target) => posix.normalize(posix.join(baseUrl, target))),
    }));
  }
  return [];
}

function aliasTargets(aliases: Alias[], specifier: string): string[] {
  const targets: string[] = [];
  for (const { pattern, targets: paths } of aliases) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier) targets.push(...paths);
      continue;
    }
    const [prefix, suffix] = [pattern.slice(0, star), pattern.slice(star + 1)];
    if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
      const matched = specifier.slice(prefix.length, specifier.length - suffix.length);
      targets.push(...paths.map((path) => path.replace('*', matched)));
    }
  }
  return targets;
}
