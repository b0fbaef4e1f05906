// Shared paths and helpers for the retrieval benchmark harness.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
/**
 * Where the data sets, the cache and the mirrors live: beside the checkout (its parent folder holds
 * `shared/eval/`, `eval-cache/` and `.mirror/`), or `GP_EVAL_HOME`. Each has its own variable too.
 */
export const EVAL_HOME = process.env.GP_EVAL_HOME || path.resolve(REPO_ROOT, '..');

/**
 * The dev sets, by name: `dev` (Nx workspaces nxext/nx-extensions and ngrx/platform, 134 commits) and `apps`
 * (application monorepos without Nx, teableio/teable and vendure-ecommerce/vendure, 120 commits), the commit
 * sets that `all` means; and `prd`: 28 of the `apps` commits (user-facing features and fixes) told as PRDs a
 * product manager would write before the work (problem, goals, non-goals, stories, requirements, acceptance
 * criteria; no path, package or code name), with the same gold files and trees. It is kept here, beside the
 * bench, and asked for by name (`--set prd`). `nx-apps`: 60 commits of an application monorepo with Nx
 * configuration (gitroomhq/postiz-app, see make-nx-apps.mjs), a held-out-style check asked for by name.
 */
export const DATA_SETS = {
  dev: process.env.GP_EVAL_DATA || path.join(EVAL_HOME, 'shared', 'eval', 'retrieval-dev.jsonl'),
  apps: process.env.GP_EVAL_DATA_APPS || path.join(EVAL_HOME, 'shared', 'eval', 'retrieval-dev-apps.jsonl'),
  prd: path.join(REPO_ROOT, 'bench', 'retrieval', 'prd-apps.jsonl'),
  'nx-apps': path.join(REPO_ROOT, 'bench', 'retrieval', 'nx-apps.jsonl'),
};
const COMMIT_SETS = ['dev', 'apps'];
export const DEFAULT_DATA = DATA_SETS.dev;
export const DEFAULT_CACHE = process.env.GP_EVAL_CACHE || path.join(EVAL_HOME, 'eval-cache');

/**
 * The Nx that prepare.mjs installs in trees of repositories without Nx (`nxInit`), as `nx init` would:
 * the version this repository itself uses, so the stored graph is the one the Groundplan CLI (which loads
 * @nx/devkit, and so nx, from this repository's node_modules) computes. `GP_EVAL_NX_INIT` overrides.
 */
export const NX_INIT_VERSION = process.env.GP_EVAL_NX_INIT || '24.0.6';

/**
 * The repositories: where their git dir is (`--<flag>`, env, else the mirror path when it exists), and
 * `nxInit` for those without Nx configuration (prepare.mjs writes an nx.json and installs NX_INIT_VERSION).
 */
export const REPOS = {
  'nxext/nx-extensions': { env: 'GP_EVAL_GIT_NXEXT', flag: 'nxext', mirror: path.join(EVAL_HOME, '.mirror', 'nxext+nx-extensions', 'repo') },
  'ngrx/platform': { env: 'GP_EVAL_GIT_NGRX', flag: 'ngrx', mirror: path.join(EVAL_HOME, '.mirror', 'ngrx+platform', 'repo') },
  'teableio/teable': { env: 'GP_EVAL_GIT_TEABLE', flag: 'teable', mirror: path.join(EVAL_HOME, '.mirror', 'teableio+teable', 'repo'), nxInit: true },
  // An Nx workspace until 2025-05 (the `nx-apps` set, made by make-nx-apps.mjs).
  'gitroomhq/postiz-app': { env: 'GP_EVAL_GIT_POSTIZ', flag: 'postiz', mirror: path.join(EVAL_HOME, '.mirror', 'gitroomhq+postiz-app', 'repo') },
  'vendure-ecommerce/vendure': {
    env: 'GP_EVAL_GIT_VENDURE',
    flag: 'vendure',
    mirror: path.join(EVAL_HOME, '.mirror', 'vendure-ecommerce+vendure', 'repo'),
    nxInit: true,
  },
};

/** The git dir of a repository: its `--<flag>`, its environment variable, else its mirror when there. */
export function gitDirFor(repo, args) {
  const meta = REPOS[repo];
  const d = (meta && (args[meta.flag] || process.env[meta.env])) || (meta && fs.existsSync(meta.mirror) ? meta.mirror : null);
  if (!d) throw new Error(`no git dir for ${repo}: pass --${meta?.flag} <dir> or set ${meta?.env}`);
  return d;
}

/** Minimal `--key value` / `--flag` parser. Repeated keys keep the last value. */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out._.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      out[a.slice(2, eq)] = a.slice(eq + 1);
      continue;
    }
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[key] = next;
      i++;
    } else out[key] = true;
  }
  return out;
}

export function loadJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** The set name of a data file: its DATA_SETS key, else the file's base name without `.jsonl`. */
export function setName(file) {
  for (const [name, f] of Object.entries(DATA_SETS)) if (path.resolve(f) === path.resolve(file)) return name;
  return path.basename(file).replace(/\.jsonl$/, '');
}

/**
 * The data sets a command works on: `--data FILE` (that file only), else `--set dev|apps|prd|all` (or a
 * comma list; default all: the commit sets dev and apps). Returns [{set, file}].
 */
export function selectSets(args = {}) {
  if (args.data) return [{ set: setName(String(args.data)), file: String(args.data) }];
  const want = String(args.set || 'all');
  const names =
    want === 'all'
      ? COMMIT_SETS
      : want
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  for (const n of names) if (!DATA_SETS[n]) throw new Error(`unknown set ${n} (known: ${Object.keys(DATA_SETS).join(', ')}, all)`);
  return names.map((set) => ({ set, file: DATA_SETS[set] }));
}

/** The rows of the selected sets, in set order, each tagged with its `set`. */
export function loadSets(args = {}) {
  return selectSets(args).flatMap(({ set, file }) => loadJsonl(file).map((r) => ({ ...r, set })));
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
  r = String(r)
    .replace(/\\/g, '/')
    .replace(/^\.\/?/, '')
    .replace(/\/+$/, '');
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
  } catch {
    return 0;
  }
}

export function human(bytes) {
  const u = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let b = bytes;
  while (b >= 1024 && i < u.length - 1) {
    b /= 1024;
    i++;
  }
  return `${b.toFixed(i ? 1 : 0)} ${u[i]}`;
}
