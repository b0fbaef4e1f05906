// Shared paths and helpers for the retrieval benchmark harness.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');

export const DEFAULT_DATA = process.env.GP_EVAL_DATA || '/work/shared/eval/retrieval-dev.jsonl';
export const DEFAULT_CACHE = process.env.GP_EVAL_CACHE || '/work/eval-cache';

export const REPOS = {
  'nxext/nx-extensions': { env: 'GP_EVAL_GIT_NXEXT', flag: 'nxext', mirror: '/work/.mirror/nxext+nx-extensions/repo' },
  'ngrx/platform': { env: 'GP_EVAL_GIT_NGRX', flag: 'ngrx', mirror: '/work/.mirror/ngrx+platform/repo' },
};

/** Minimal `--key value` / `--flag` parser. Repeated keys keep the last value. */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { out._.push(a); continue; }
    const eq = a.indexOf('=');
    if (eq > 0) { out[a.slice(2, eq)] = a.slice(eq + 1); continue; }
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) { out[key] = next; i++; } else out[key] = true;
  }
  return out;
}

export function loadJsonl(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

export const repoSlug = (repo) => repo.replace('/', '__');

export function treeDir(cache, repo, parent) {
  return path.join(cache, 'trees', repoSlug(repo), parent);
}

/** Where prepare.mjs stores the project graph of a tree (outside the tree, so rankers never index it). */
export function graphFile(cache, repo, parent) {
  return path.join(cache, 'graphs', repoSlug(repo), `${parent}.json`);
}

/**
 * The env every nx invocation in a tree gets: no daemon, no cloud, no prompts; with `tree`, its
 * node_modules/.bin first on PATH as npx would (nx >= 19 runs `yarn --version` in yarn workspaces).
 */
export function nxEnv(extra = {}, tree = null) {
  const PATH = tree ? `${path.join(tree, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH || ''}` : process.env.PATH;
  return {
    ...process.env,
    PATH,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_SKIP_NX_CACHE: 'true',
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
    NX_VERBOSE_LOGGING: process.env.NX_VERBOSE_LOGGING || 'false',
    ...extra,
  };
}

/**
 * Project roots of a tree, read from the graph prepare.mjs saved:
 * returns [{name, root}] sorted by root length descending (longest match first).
 */
export function loadProjects(cache, repo, parent) {
  const f = graphFile(cache, repo, parent);
  if (!fs.existsSync(f)) return null;
  const g = JSON.parse(fs.readFileSync(f, 'utf8'));
  const nodes = (g.graph || g).nodes || {};
  return Object.entries(nodes)
    .map(([name, n]) => ({ name, root: normRoot(n.data?.root ?? '') }))
    .sort((a, b) => b.root.length - a.root.length);
}

export function normRoot(r) {
  r = String(r).replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return r; // '' is the workspace root project
}

/** The project owning a relative file path: the longest project root that is a path prefix of it. */
export function projectOf(projects, file) {
  if (!projects) return null;
  for (const p of projects) {
    if (p.root === '' || file === p.root || file.startsWith(p.root + '/')) return p.name;
  }
  return null;
}

export function dirSize(dir) {
  // du is far faster than a JS walk over node_modules; fall back to 0 when unavailable.
  try {
    const out = execFileSync('du', ['-sB1', dir], { encoding: 'utf8' });
    return Number(out.split(/\s/)[0]);
  } catch { return 0; }
}

export function human(bytes) {
  const u = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0; let b = bytes;
  while (b >= 1024 && i < u.length - 1) { b /= 1024; i++; }
  return `${b.toFixed(i ? 1 : 0)} ${u[i]}`;
}
