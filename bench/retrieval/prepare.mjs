#!/usr/bin/env node
// Materializes every parent tree of the retrieval dev sets and gives each an Nx install able to
// compute its project graph. Idempotent: trees, installs and graphs already present are reused.
//
//   node bench/retrieval/prepare.mjs [--nxext DIR] [--ngrx DIR] [--teable DIR] [--vendure DIR] [options]
//
// Repositories without Nx configuration (REPOS[...].nxInit: teable, vendure) are set up as `nx init` would:
// an nx.json (see nxInitJson) and nx NX_INIT_VERSION; Nx then takes the projects from the package manager's
// workspaces.
//
// Options:
//   --set dev|apps|all   which dev set(s) (default all: retrieval-dev.jsonl and retrieval-dev-apps.jsonl)
//   --data FILE          one dev set file instead (env GP_EVAL_DATA / GP_EVAL_DATA_APPS move the defaults)
//   --cache DIR          where trees/installs/graphs go (default eval-cache/ beside the checkout, env GP_EVAL_CACHE)
//   --repo OWNER/NAME    only this repository
//   --limit N            only the first N distinct trees (per the data order)
//   --no-graph           skip computing project graphs
//   --force-graph        recompute graphs even if present
//   --keep-assets        keep binary assets; by default images, fonts, videos, pdf and archives are deleted
//                        from each tree (1.2 GB over the ngrx trees, mostly projects/ngrx.io/content);
//                        no text file, and so no .ts file, is ever deleted
//   --report FILE        JSON report (default <cache>/prepare-report.json)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CACHE, NX_INIT_VERSION, REPOS, gitDirFor, dirSize, graphFile, human, loadSets, normRoot, nxEnv, parseArgs, treeDir } from './common.mjs';

/**
 * Extra packages a plugin named in nx.json needs to load (createNodes) beyond its own dependencies.
 * Versions are taken from the workspace's package.json. Found by trial on the dev-set trees.
 */
export const PLUGIN_EXTRAS = {
  // @nx/eslint/plugin: "Unable to find `eslint`" otherwise (nx fails the whole graph)
  '@nx/eslint': ['eslint'],
};
/**
 * When nx.json names plugins, they read TS config files (jest.config.ts, ...): without a transpiler nx
 * warns "Unable to locate swc-node or ts-node" for each and infers less. Installed when declared.
 */
export const TS_LOADER = ['@swc-node/register', '@swc/core'];

const log = (...a) => console.log(...a);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Blobs of `parent` the git dir does not hold ([path]). The mirrors are partial clones: vendure's lacks one
 * .gif (docs/docs/guides/extending-the-dashboard/theming/show-colour-value-inspection.gif) in every dev-set
 * tree, and `git archive` fails on it ("invalid object").
 */
export function missingBlobs(gitDir, parent) {
  const ls = spawnSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', parent], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (ls.status !== 0) throw new Error(`git ls-tree ${parent}: ${ls.stderr}`);
  const blobs = ls.stdout
    .split('\0')
    .filter(Boolean)
    .map((l) => {
      const [meta, p] = l.split('\t');
      const [, type, oid] = meta.split(' ');
      return { type, oid, path: p };
    })
    .filter((b) => b.type === 'blob');
  const check = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch-check'], {
    input: blobs.map((b) => b.oid).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, GIT_NO_LAZY_FETCH: '1' },
  });
  const missing = new Set(
    check.stdout
      .split('\n')
      .filter((l) => / missing$/.test(l))
      .map((l) => l.split(' ')[0]),
  );
  return blobs.filter((b) => missing.has(b.oid)).map((b) => b.path);
}

function materialize(gitDir, parent, dest, entry = {}) {
  if (fs.existsSync(path.join(dest, '.gp-tree-ok'))) return false;
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  // git archive | tar -x, without a shell
  const archiveOf = (pathspec) =>
    spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', parent, ...pathspec], {
      maxBuffer: 1 << 30,
      encoding: 'buffer',
      env: { ...process.env, GIT_NO_LAZY_FETCH: '1' },
    });
  let archive = archiveOf([]);
  if (archive.status !== 0 && /invalid object|cannot read|missing/i.test(String(archive.stderr))) {
    // a partial clone: leave out the blobs it lacks; a missing text file (anything but an asset) is an error
    const missing = missingBlobs(gitDir, parent);
    const text = missing.filter((p) => !ASSET_RE.test(p));
    if (text.length) throw new Error(`git dir lacks non-asset blobs of ${parent}: ${text.slice(0, 5).join(', ')}`);
    entry.missingBlobs = missing;
    archive = archiveOf(['--', '.', ...missing.map((p) => `:(exclude,literal)${p}`)]);
  }
  if (archive.status !== 0) throw new Error(`git archive ${parent}: ${archive.stderr}`);
  const tar = spawnSync('tar', ['-x', '-C', tmp], { input: archive.stdout, maxBuffer: 1 << 26 });
  if (tar.status !== 0) throw new Error(`tar ${parent}: ${tar.stderr}`);
  fs.writeFileSync(path.join(tmp, '.gp-tree-ok'), `${parent}\n`);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.renameSync(tmp, dest);
  return true;
}

/**
 * A tree as a user's checkout has it: a git repository at `parent`, so rankers that read history (Groundplan's
 * co-change and project activity) see the commits before the change and none after. The objects are borrowed
 * from the git dir (alternates), nothing is copied. Idempotent.
 */
function attachHistory(gitDir, parent, dest) {
  if (fs.existsSync(path.join(dest, '.git'))) return;
  const git = (...args) => {
    const r = spawnSync('git', args, { cwd: dest, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${dest}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const objects = path.resolve(gitDir, spawnSync('git', ['--git-dir', gitDir, 'rev-parse', '--git-path', 'objects'], { encoding: 'utf8' }).stdout.trim());
  git('init', '-q');
  fs.writeFileSync(path.join(dest, '.git', 'objects', 'info', 'alternates'), `${objects}\n`);
  git('update-ref', 'HEAD', parent);
}

const ASSET_RE = /\.(png|jpe?g|gif|ico|webp|avif|bmp|tiff?|woff2?|ttf|otf|eot|mp4|webm|mov|mp3|wav|pdf|psd|ai|sketch|zip|gz|tgz)$/i;
function pruneAssets(dir) {
  let freed = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') walk(p);
      } else if (e.isFile() && ASSET_RE.test(e.name)) {
        freed += fs.statSync(p).size;
        fs.rmSync(p);
      }
    }
  };
  walk(dir);
  return freed;
}

/** Which packages (name -> version spec) a tree needs so that `nx show projects` works. */
export function installSpec(dir, { nxVersion: forcedNx } = {}) {
  const pkg = readJson(path.join(dir, 'package.json')) || {};
  const deps = { ...(pkg.dependencies || {}), ...(pkg.devDependencies || {}) };
  const nxJson = readJson(path.join(dir, 'nx.json')) || {};
  const nxVersion = forcedNx || deps.nx || deps['@nrwl/workspace'] || deps['@nx/workspace'];
  if (!nxVersion) throw new Error(`no nx version in ${dir}/package.json`);
  const spec = { nx: nxVersion };
  const notes = [];
  const plugins = (nxJson.plugins || []).map((p) => (typeof p === 'string' ? p : p.plugin));
  for (const plugin of plugins) {
    if (plugin.startsWith('.') || plugin.startsWith('/')) {
      notes.push(`local plugin ${plugin}: loaded from the tree (needs a TS transpiler if .ts)`);
      continue;
    }
    const parts = plugin.split('/');
    const name = plugin.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    spec[name] = deps[name] || (name.startsWith('@nx/') || name.startsWith('@nrwl/') ? nxVersion : 'latest');
    for (const extra of PLUGIN_EXTRAS[name] || []) {
      if (deps[extra]) spec[extra] = deps[extra];
      else notes.push(`${name} wants ${extra} but the workspace does not declare it`);
    }
  }
  if (plugins.length) for (const extra of TS_LOADER) if (deps[extra]) spec[extra] = deps[extra];
  // A yarn workspace: nx >= 19 runs `yarn --version` while reading package.json targets and prints the
  // failure to stdout (breaking --json) when yarn is missing. The yarn package is plain JS.
  if (fs.existsSync(path.join(dir, 'yarn.lock'))) {
    const pm = /^yarn@(.+)$/.exec(pkg.packageManager || '')?.[1];
    spec.yarn = pm || (pkg.engines?.yarn && /<\s*2\b/.test(pkg.engines.yarn) ? '^1.22.0' : pkg.engines?.yarn) || '^1.22.0';
  }
  return { spec, plugins, notes };
}

/**
 * The nx.json `nx init` would write in a package-manager workspace, kept minimal: the schema and the
 * usual named inputs; in a pnpm workspace (pnpm-lock.yaml) also `pluginsConfig["@nx/js"].analyzeLockfile:
 * false`, since its node_modules are not pnpm's (nx's pnpm lockfile parser needs pnpm's
 * node_modules/.modules.yaml and the packages it names). npm's package-lock.json nx reads as is.
 */
export function nxInitJson(dir) {
  const json = {
    $schema: './node_modules/nx/schemas/nx-schema.json',
    namedInputs: {
      default: ['{projectRoot}/**/*', 'sharedGlobals'],
      production: ['default'],
      sharedGlobals: [],
    },
  };
  if (fs.existsSync(path.join(dir, 'pnpm-lock.yaml'))) json.pluginsConfig = { '@nx/js': { analyzeLockfile: false } };
  return json;
}

/** Writes nxInitJson(dir) as dir/nx.json unless the tree has one of its own. Returns true when written. */
function ensureNxInit(dir) {
  const file = path.join(dir, 'nx.json');
  const marker = path.join(dir, '.gp-nx-init');
  if (fs.existsSync(file) && !fs.existsSync(marker)) return false; // the repository's own nx.json
  const text = `${JSON.stringify(nxInitJson(dir), null, 2)}\n`;
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  fs.writeFileSync(marker, `nx.json written by prepare.mjs (nx init), nx ${NX_INIT_VERSION}\n`);
  return true;
}

function specHash(spec) {
  const canon = Object.keys(spec)
    .sort()
    .map((k) => `${k}@${spec[k]}`)
    .join('\n');
  return crypto.createHash('sha1').update(canon).digest('hex').slice(0, 12);
}

function ensureInstall(cache, spec, stats) {
  const hash = specHash(spec);
  const dir = path.join(cache, 'installs', hash);
  if (fs.existsSync(path.join(dir, '.gp-install-ok'))) return { hash, dir, fresh: false };
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'package.json'),
    JSON.stringify(
      {
        name: `gp-eval-install-${hash}`,
        private: true,
        version: '0.0.0',
        dependencies: spec,
      },
      null,
      2,
    ),
  );
  const t0 = Date.now();
  log(
    `  npm install ${Object.entries(spec)
      .map(([k, v]) => `${k}@${v}`)
      .join(' ')}  -> installs/${hash}`,
  );
  const r = spawnSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--loglevel=error'], {
    cwd: tmp,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`npm install failed in ${tmp}:\n${r.stderr.slice(-3000)}`);
  fs.writeFileSync(path.join(tmp, '.gp-install-ok'), JSON.stringify(spec, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  stats.installSeconds += (Date.now() - t0) / 1000;
  return { hash, dir, fresh: true };
}

/**
 * tree/node_modules is a real directory whose entries are symlinks into the shared install, so
 * whatever nx writes under node_modules/.cache stays per tree (nx <17 keeps its graph cache there).
 */
function linkInstall(tree, install) {
  const nm = path.join(tree, 'node_modules');
  const marker = path.join(nm, '.gp-install');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === install.hash) return false;
  fs.rmSync(nm, { recursive: true, force: true });
  fs.mkdirSync(nm);
  const src = path.join(install.dir, 'node_modules');
  for (const e of fs.readdirSync(src)) {
    if (e === '.cache' || e === '.package-lock.json') continue;
    fs.symlinkSync(path.join(src, e), path.join(nm, e));
  }
  // nx's pnpm lockfile parser reads pnpm's node_modules/.modules.yaml (hoisted deps); npm writes none, and
  // without it nx >= 20 fails the graph ("Could not find .modules.yaml"). An empty one is enough.
  if (fs.existsSync(path.join(tree, 'pnpm-lock.yaml'))) {
    fs.writeFileSync(path.join(nm, '.modules.yaml'), 'hoistedDependencies: {}\n');
  }
  fs.writeFileSync(marker, `${install.hash}\n`);
  return true;
}

/** The nx CLI entry of a tree's install (bin/nx.js up to nx 22, dist/bin/nx.js from 23). */
export function nxBin(tree) {
  const pkgDir = path.join(tree, 'node_modules', 'nx');
  const pkg = readJson(path.join(pkgDir, 'package.json')) || {};
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.nx || 'bin/nx.js';
  return path.join(pkgDir, bin);
}

function runNx(tree, args, timeoutMs = 5 * 60_000) {
  return spawnSync(process.execPath, [nxBin(tree), ...args], {
    cwd: tree,
    env: nxEnv({ CI: 'true' }, tree),
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 28,
  });
}

const GRAPH_ERROR_RE = /Failed to process project graph|Failed to parse|An error occurred while processing files/;

/** `nx show projects --json` then `nx graph --file`, both must succeed without graph errors. */
function computeGraph(tree, out) {
  const sp = runNx(tree, ['show', 'projects', '--json']);
  const spOut = `${sp.stdout || ''}\n${sp.stderr || ''}`;
  let listed = null;
  try {
    listed = JSON.parse(sp.stdout);
  } catch {
    /* not JSON */
  }
  if (sp.status !== 0 || GRAPH_ERROR_RE.test(spOut) || !Array.isArray(listed)) {
    const lines = [...new Set(spOut.trim().split('\n'))].slice(-25).join('\n');
    return { ok: false, error: `nx show projects --json: ${sp.error ? String(sp.error) : lines}` };
  }
  const tmpName = `.gp-graph-${process.pid}.json`;
  const r = runNx(tree, ['graph', `--file=${tmpName}`]);
  const tmp = path.join(tree, tmpName);
  if (r.status !== 0 || !fs.existsSync(tmp) || GRAPH_ERROR_RE.test(`${r.stdout}${r.stderr}`)) {
    fs.rmSync(tmp, { force: true });
    const msg = `${r.stdout || ''}\n${r.stderr || ''}`.trim().split('\n').slice(-25).join('\n');
    return { ok: false, error: r.error ? String(r.error) : msg };
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.copyFileSync(tmp, out);
  fs.rmSync(tmp, { force: true });
  const g = readJson(out);
  const nodes = Object.keys((g.graph || g).nodes || {});
  const extra = listed.filter((p) => !nodes.includes(p));
  if (extra.length) return { ok: false, error: `graph lacks projects listed by show projects: ${extra.join(',')}` };
  return { ok: true, nodes };
}

async function main() {
  const args = parseArgs();
  const cache = path.resolve(args.cache || DEFAULT_CACHE);
  const t0 = Date.now();
  const stats = { installSeconds: 0, treesExtracted: 0, installsCreated: 0, prunedBytes: 0 };
  let rows = loadSets(args);
  if (args.repo) rows = rows.filter((r) => r.repo === args.repo);

  // distinct trees, in data order, with the rows that use them
  const trees = new Map();
  for (const r of rows) {
    const key = `${r.repo} ${r.parent}`;
    if (!trees.has(key)) trees.set(key, { repo: r.repo, parent: r.parent, rows: [] });
    trees.get(key).rows.push(r);
  }
  let list = [...trees.values()];
  if (args.limit) list = list.slice(0, Number(args.limit));
  fs.mkdirSync(cache, { recursive: true });

  const report = { cache, started: new Date().toISOString(), trees: [], installs: {} };
  let i = 0;
  for (const t of list) {
    i++;
    const dir = treeDir(cache, t.repo, t.parent);
    const entry = { repo: t.repo, set: t.rows[0].set, parent: t.parent, dir };
    report.trees.push(entry);
    try {
      const gitDir = gitDirFor(t.repo, args);
      if (materialize(gitDir, t.parent, dir, entry)) stats.treesExtracted++;
      attachHistory(gitDir, t.parent, dir);
      const prunedMarker = path.join(dir, '.gp-assets-pruned');
      if (!args['keep-assets'] && !fs.existsSync(prunedMarker)) {
        stats.prunedBytes += pruneAssets(dir);
        fs.writeFileSync(prunedMarker, '');
      }
      const nxInit = !!REPOS[t.repo]?.nxInit && ensureNxInit(dir);
      if (nxInit) entry.nxInit = true;
      const { spec, plugins, notes } = installSpec(dir, nxInit ? { nxVersion: NX_INIT_VERSION } : {});
      entry.nx = spec.nx;
      entry.plugins = plugins;
      entry.notes = notes;
      const install = ensureInstall(cache, spec, stats);
      if (install.fresh) stats.installsCreated++;
      entry.install = install.hash;
      report.installs[install.hash] = spec;
      linkInstall(dir, install);

      if (!args['no-graph']) {
        const gf = graphFile(cache, t.repo, t.parent);
        if (args['force-graph'] || !fs.existsSync(gf)) {
          const g = computeGraph(dir, gf);
          if (!g.ok) throw new Error(`nx graph failed:\n${g.error}`);
        }
        const graphNodes = (readJson(gf)?.graph || readJson(gf) || {}).nodes || {};
        const nodes = Object.keys(graphNodes);
        entry.projects = nodes.length;
        const missing = [...new Set(t.rows.map((r) => r.gold_project))].filter((p) => !nodes.includes(p));
        entry.goldProjectMissing = missing;
        // the row's gold_project_root must be that project's root in the graph
        const wrongRoot = t.rows
          .filter(
            (r) =>
              graphNodes[r.gold_project] &&
              r.gold_project_root !== undefined &&
              normRoot(graphNodes[r.gold_project].data?.root ?? '') !== normRoot(r.gold_project_root),
          )
          .map((r) => `${r.gold_project}: graph root ${graphNodes[r.gold_project].data?.root}, row ${r.gold_project_root}`);
        if (wrongRoot.length) entry.goldRootMismatch = [...new Set(wrongRoot)];
        entry.ok = missing.length === 0 && !wrongRoot.length;
      } else entry.ok = true;
      log(
        `[${i}/${list.length}] ${t.repo}@${t.parent.slice(0, 10)} nx ${spec.nx}${nxInit ? ' (nx init)' : ''}${plugins.length ? ` plugins ${plugins.join(',')}` : ''}` +
          ` install ${install.hash}${entry.projects !== undefined ? ` projects ${entry.projects}` : ''}` +
          `${entry.goldProjectMissing?.length ? `  GOLD PROJECT MISSING: ${entry.goldProjectMissing.join(',')}` : ''}` +
          `${entry.goldRootMismatch ? `  GOLD ROOT MISMATCH: ${entry.goldRootMismatch.join('; ')}` : ''}`,
      );
    } catch (e) {
      entry.ok = false;
      entry.error = String(e.message || e);
      log(`[${i}/${list.length}] ${t.repo}@${t.parent.slice(0, 10)} FAILED: ${entry.error}`);
    }
  }

  const failed = report.trees.filter((t) => !t.ok);
  report.finished = new Date().toISOString();
  report.seconds = (Date.now() - t0) / 1000;
  report.stats = stats;
  const sizes = {};
  for (const sub of ['trees', 'installs', 'graphs']) {
    const d = path.join(cache, sub);
    if (fs.existsSync(d)) sizes[sub] = dirSize(d);
  }
  report.diskBytes = sizes;
  const reportFile = args.report || path.join(cache, 'prepare-report.json');
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));

  log('');
  log(
    `trees: ${list.length} (${stats.treesExtracted} extracted now), installs: ${Object.keys(report.installs).length} distinct (${stats.installsCreated} created now, ${stats.installSeconds.toFixed(0)} s of npm)`,
  );
  const byRepo = {};
  for (const t of report.trees) {
    const k = `${t.repo}`;
    byRepo[k] ??= new Map();
    if (t.nx)
      byRepo[k].set(
        `${t.nx}${t.plugins?.length ? ` + ${t.plugins.join(', ')}` : ''}`,
        (byRepo[k].get(`${t.nx}${t.plugins?.length ? ` + ${t.plugins.join(', ')}` : ''}`) || 0) + 1,
      );
  }
  for (const [repo, m] of Object.entries(byRepo)) {
    log(`  ${repo}: ${[...m].map(([k, n]) => `nx ${k} (${n})`).join('; ')}`);
  }
  log(
    `disk: ${Object.entries(sizes)
      .map(([k, v]) => `${k} ${human(v)}`)
      .join(', ')}${stats.prunedBytes ? ` (pruned ${human(stats.prunedBytes)} of assets)` : ''}`,
  );
  log(`time: ${report.seconds.toFixed(0)} s; report: ${reportFile}`);
  if (failed.length) {
    log(`\n${failed.length} tree(s) not ready:`);
    for (const f of failed) {
      log(
        `  ${f.repo}@${f.parent}: ${
          f.error ||
          [
            f.goldProjectMissing?.length ? `gold project(s) not in graph: ${f.goldProjectMissing.join(',')}` : '',
            f.goldRootMismatch ? `gold root mismatch: ${f.goldRootMismatch.join('; ')}` : '',
          ]
            .filter(Boolean)
            .join('; ')
        }`,
      );
    }
    process.exitCode = 1;
  } else log('all trees ready');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
