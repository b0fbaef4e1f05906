#!/usr/bin/env node
// Runs rankers over the dev sets' prepared trees and prints recall / project metrics per repo, per set
// and over the union of the sets.
//
//   node bench/retrieval/run.mjs [--rankers bm25,groundplan] [--set dev|apps|all] [--data FILE]
//                                [--repo OWNER/NAME] [--limit N] [--jobs N] [--cache DIR] [--json FILE]
//                                [--verbose] [--reference false]
//
// A ranker is a function `(treeDir, query, ctx?) => Promise<{files: string[], projects: string[], tokens?: number}>`
// (files: paths relative to treeDir, best first; projects: names, best first). Register one in RANKERS below:
// `available()` returns true, or a string saying why the ranker cannot run (it is then skipped).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createBm25Ranker } from './bm25.mjs';
import { DEFAULT_CACHE, REPO_ROOT, loadProjects, nxEnv, parseArgs, selectSets, loadSets, treeDir } from './common.mjs';
import { REFERENCE_BM25_SETS, aggregateBySet, commitMetrics, goldProjects, printTable } from './metrics.mjs';

// ---------------------------------------------------------------------------------------------------
// Groundplan CLI adapter

export const GROUNDPLAN_CLI = process.env.GP_CLI || path.join(REPO_ROOT, 'packages', 'nx', 'dist', 'bin', 'groundplan.js');

/**
 * Runs `node <cli> context --query <text> --json` in the tree and maps its output
 * `{projects:[{name,root,score,why}], files:[{path,score,why,tokens}], tokens, budget, pack}` to a ranking.
 */
export function createGroundplanRanker({ cli = GROUNDPLAN_CLI, timeoutMs = Number(process.env.GP_BENCH_TIMEOUT_MS) || 300_000, extraArgs = [] } = {}) {
  const ranker = async (tree, query) => {
    // The query as an argument: the CLI reads files only from inside the workspace, and the tree is not ours to write in.
    {
      const { code, stdout, stderr, timedOut } = await runProcess(process.execPath, [cli, 'context', '--query', query, '--json', ...extraArgs], {
        cwd: tree,
        env: nxEnv({}, tree),
        timeoutMs,
      });
      if (timedOut) throw new Error(`groundplan timed out after ${timeoutMs} ms`);
      if (code !== 0) throw new Error(`groundplan exited ${code}: ${stderr.trim().split('\n').slice(-8).join('\n')}`);
      const out = parseJsonOutput(stdout);
      const rel = (p) => {
        let s = String(p).replace(/\\/g, '/');
        if (path.isAbsolute(s)) s = path.relative(tree, s).replace(/\\/g, '/');
        return s.replace(/^\.\//, '');
      };
      return {
        files: (out.files || []).map((f) => rel(typeof f === 'string' ? f : f.path)),
        projects: (out.projects || []).map((p) => (typeof p === 'string' ? p : p.name)),
        ...(typeof out.tokens === 'number' ? { tokens: out.tokens } : {}),
      };
    }
  };
  ranker.available = () => (fs.existsSync(cli) ? true : `${cli} not found (build the Groundplan CLI first)`);
  ranker.concurrent = true; // a child process per commit: `--jobs N` runs N at once (never two in one tree)
  return ranker;
}

/** The whole stdout as JSON, or else its last line that parses as a JSON object (tolerates log lines). */
export function parseJsonOutput(stdout) {
  try {
    return JSON.parse(stdout);
  } catch {
    /* fall through */
  }
  const start = stdout.indexOf('{');
  if (start >= 0) {
    try {
      return JSON.parse(stdout.slice(start));
    } catch {
      /* fall through */
    }
  }
  for (const line of stdout.trim().split('\n').reverse()) {
    if (line.trim().startsWith('{')) {
      try {
        return JSON.parse(line);
      } catch {
        /* next */
      }
    }
  }
  throw new Error(`no JSON in output: ${stdout.slice(0, 300)}`);
}

function runProcess(cmd, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: String(e), timedOut });
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Ranker registry

export const RANKERS = {
  bm25: () => {
    const r = createBm25Ranker({ k1: 1.2, b: 0.75 });
    r.available = () => true;
    return r;
  },
  // the same file ranking; project = highest summed score over the top 5 files
  'bm25-sum5': () => {
    const r = createBm25Ranker({ k1: 1.2, b: 0.75, projectRule: 'sum-top5' });
    r.available = () => true;
    return r;
  },
  // the issue's target: the pack that holds the gold files fits 16k tokens (GP_BENCH_BUDGET overrides)
  groundplan: () => createGroundplanRanker({ extraArgs: ['--budget', process.env.GP_BENCH_BUDGET || '16000'] }),
};

// ---------------------------------------------------------------------------------------------------

/**
 * Evaluates `rankers` ({name: rankerFn}) on `rows` (each may carry its `set`). Returns {rows: tableRows,
 * perCommit}: the table has, per ranker, aggregateBySet's rows (per set: repos then overall; then the union).
 * ctx passed to each ranker: {projects: [{name, root}] from the stored graph, row}.
 * A ranker whose first `abortAfter` commits all throw is dropped (reported as not available).
 * `jobs` > 1 runs that many commits at once for rankers marked `concurrent` (the Groundplan CLI); the
 * commits of one tree always run one after another. s/query is then wall time under that load.
 */
export async function evaluate(rows, rankers, { cache = DEFAULT_CACHE, verbose = false, log = console.log, abortAfter = 3, jobs = 1 } = {}) {
  const perCommit = [];
  const table = [];
  for (const [name, ranker] of Object.entries(rankers)) {
    const records = new Array(rows.length);
    let skipped = 0;
    let failed = 0;
    let succeeded = 0;
    let done = 0;
    let unavailable = false;
    const runRow = async (i) => {
      const row = rows[i];
      const dir = treeDir(cache, row.repo, row.parent);
      if (!fs.existsSync(path.join(dir, '.gp-tree-ok'))) {
        skipped++;
        log(`  [${name}] skip ${row.repo}@${row.sha.slice(0, 10)}: tree not prepared (${dir})`);
        return;
      }
      const projects = loadProjects(cache, row.repo, row.parent);
      if (!projects) log(`  [${name}] warning: no graph for ${row.repo}@${row.parent.slice(0, 10)}; projects unknown`);
      const t0 = process.hrtime.bigint();
      let result;
      try {
        result = await ranker(dir, row.query, { projects, row });
        succeeded++;
      } catch (e) {
        failed++;
        log(
          `  [${name}] ${row.repo}@${row.sha.slice(0, 10)} failed: ${String(e.message || e)
            .split('\n')
            .slice(0, 3)
            .join(' | ')}`,
        );
        result = { files: [], projects: [] };
        if (!succeeded && failed >= abortAfter) {
          log(`  [${name}] skipping ranker: its first ${failed} commits all failed (not available?)`);
          unavailable = true;
          return;
        }
      }
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const tied = goldProjects(row, projects);
      const metrics = { ...commitMetrics(row, result, { tied }), seconds };
      records[i] = {
        ranker: name,
        set: row.set,
        repo: row.repo,
        sha: row.sha,
        parent: row.parent,
        gold: row.gold,
        gold_project: row.gold_project,
        gold_projects_tied: tied,
        metrics,
        top: result.files.slice(0, 20),
        projects: result.projects.slice(0, 5),
      };
      done++;
      if (!verbose && done % 20 === 0) process.stderr.write(`  [${name}] ${done}/${rows.length}\n`);
      if (verbose) {
        log(
          `  [${name}] ${done}/${rows.length} ${row.set ? `${row.set} ` : ''}${row.repo}@${row.sha.slice(0, 10)} R@10 ${metrics.r10.toFixed(2)} proj ${result.projects[0] ?? '-'}${metrics.proj1 ? '' : ` (gold ${tied.join('|')})`} ${seconds.toFixed(2)}s`,
        );
      }
    };
    // the commits grouped by tree; workers take whole groups, so no two commits share a tree at once
    const groups = new Map();
    rows.forEach((row, i) => {
      const k = `${row.repo} ${row.parent}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(i);
    });
    const queue = [...groups.values()];
    const width = ranker.concurrent ? Math.max(1, Math.floor(jobs) || 1) : 1;
    let next = 0;
    const worker = async () => {
      while (!unavailable && next < queue.length) {
        for (const i of queue[next++]) {
          if (unavailable) break;
          await runRow(i);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(width, queue.length) || 1 }, worker));
    if (unavailable) continue;
    if (skipped || failed) log(`  [${name}] ${skipped} commit(s) skipped (no tree), ${failed} failed (counted as empty rankings)`);
    const results = records.filter(Boolean);
    perCommit.push(...results);
    for (const g of aggregateBySet(results.map((r) => ({ set: r.set, repo: r.repo, metrics: r.metrics })))) table.push({ ranker: name, ...g });
  }
  return { rows: table, perCommit };
}

async function main() {
  const args = parseArgs();
  const cache = path.resolve(args.cache || DEFAULT_CACHE);
  const sets = selectSets(args);
  let rows = loadSets(args);
  if (args.repo) rows = rows.filter((r) => r.repo === args.repo);
  if (args.limit) {
    // the first N commits of each set
    const seen = new Map();
    rows = rows.filter((r) => {
      seen.set(r.set, (seen.get(r.set) || 0) + 1);
      return seen.get(r.set) <= Number(args.limit);
    });
  }
  const names = String(args.rankers || 'bm25,groundplan')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const jobs = Number(args.jobs) || 1;

  const rankers = {};
  for (const n of names) {
    if (!RANKERS[n]) {
      console.error(`unknown ranker ${n} (known: ${Object.keys(RANKERS).join(', ')})`);
      process.exit(2);
    }
    const r = RANKERS[n]();
    const ok = r.available ? await r.available() : true;
    if (ok === true) rankers[n] = r;
    else console.log(`skipping ranker ${n}: ${ok}`);
  }
  if (!Object.keys(rankers).length) {
    console.error('no ranker available');
    process.exit(1);
  }

  const counts = sets.map(({ set }) => `${set} ${rows.filter((r) => r.set === set).length}`).join(', ');
  console.log(
    `${rows.length} commits (${counts}), rankers: ${Object.keys(rankers).join(', ')}, trees: ${path.join(cache, 'trees')}` +
      `${rankers.groundplan ? `\ngroundplan CLI: ${GROUNDPLAN_CLI}${jobs > 1 ? `, ${jobs} jobs` : ''}` : ''}`,
  );
  const t0 = Date.now();
  const { rows: table, perCommit } = await evaluate(rows, rankers, { cache, verbose: !!args.verbose, jobs });
  if (args.reference !== 'false' && !args.repo && !args.limit) {
    for (const { set } of sets) {
      for (const [group, ref] of Object.entries(REFERENCE_BM25_SETS[set] || {})) {
        table.push({ ranker: 'reference-bm25', set, group, n: undefined, ...ref });
      }
    }
  }
  console.log('');
  printTable(table);
  console.log(`\n${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (args.json) {
    const meta = {
      date: new Date().toISOString(),
      sets,
      rankers: Object.keys(rankers),
      jobs,
      ...(rankers.groundplan ? { groundplanCli: GROUNDPLAN_CLI, budget: Number(process.env.GP_BENCH_BUDGET || 16000) } : {}),
    };
    fs.writeFileSync(args.json, JSON.stringify({ meta, table, perCommit }, null, 2));
    console.log(`per-commit results: ${args.json}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
