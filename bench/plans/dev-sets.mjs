#!/usr/bin/env node
// Do the offline drafter's plans name the files the context engine finds? On both retrieval dev sets (commit
// message as the description, no project given, the tree at the parent), in the same run per commit:
//   - the engine's recall@10 (`groundplan context --json --budget 16000`, its first 10 files);
//   - the plan's recall: the share of the commit's gold files the offline draft names (`groundplan prompt`
//     with the same budget; the draft is the `<offline_draft>` block of the prompt);
//   - how many existing files the plan names, and how many it plans to change (the first path of a checklist
//     item, as score-plan.mjs reads an item) with the share of those that are gold files, and the share the commit
//     touched at all (its tests, `.tsx` files and message catalogs too, which the gold leaves out).
// Target (issue 9): plan recall ≥ 90% of the engine's recall@10, with at most 12 existing files per plan.
// Needs the trees of bench/retrieval (see its README) and a build (GP_CLI to point at a copy).
//
//   node bench/plans/dev-sets.mjs [--set dev|apps|all] [--repo OWNER/NAME] [--limit N] [--json FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CACHE, loadSets, nxEnv, parseArgs, treeDir } from '../retrieval/common.mjs';

const args = parseArgs();
const cli = process.env.GP_CLI || path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'packages', 'nx', 'dist', 'bin', 'groundplan.js');
const budget = process.env.GP_BENCH_BUDGET || '16000';
const cache = args.cache || DEFAULT_CACHE;
let rows = loadSets({ set: args.set || 'all', data: args.data }).filter((row) => !args.repo || row.repo === args.repo);
if (args.limit) rows = rows.slice(0, Number(args.limit));

/** Every file the commit touched (the trees are git checkouts at its parent that hold it). */
function commitFiles(tree, sha) {
  const result = spawnSync('git', ['show', '--name-only', '--format=', '--no-renames', sha], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 26 });
  return result.status === 0 ? result.stdout.split('\n').filter(Boolean) : [];
}

function run(tree, cliArgs) {
  const result = spawnSync('node', [cli, ...cliArgs], { cwd: tree, env: nxEnv({}, tree), encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
  if (result.status !== 0) throw new Error(`groundplan ${cliArgs[0]} exited ${result.status}: ${(result.stderr || '').trim().split('\n').slice(-3).join(' ')}`);
  return result.stdout;
}

const PATH = /`([\w@.-]+(?:\/[\w@.[\]-]+)+\.[a-z]+)`/g;
const results = [];
for (const [i, row] of rows.entries()) {
  const tree = treeDir(cache, row.repo, row.parent);
  if (!existsSync(tree)) continue;
  try {
    const context = JSON.parse(run(tree, ['context', '--query', row.query, '--json', '--budget', budget]));
    const top10 = context.files.slice(0, 10).map((f) => f.path);
    // To stdout: the CLI writes only inside the workspace, and the tree is not ours to write in.
    const prompt = run(tree, ['prompt', '--description', row.query, '--budget', budget]);
    // The block itself: the tag on a line of its own (the instructions also mention the tag in prose).
    const start = prompt.search(/^<offline_draft>$/m);
    const draft = start < 0 ? '' : prompt.slice(start, prompt.indexOf('</offline_draft>', start));
    const body = draft.replace(/^---\n[\s\S]*?\n---\n/m, '');
    const named = [...new Set([...body.matchAll(PATH)].map((m) => m[1]))];
    const existing = named.filter((p) => existsSync(path.join(tree, p)));
    const items = body.split('\n').filter((line) => /^\s*- \[ \]/.test(line));
    const targets = [...new Set(items.map((line) => [...line.matchAll(PATH)][0]?.[1]).filter((p) => p && existing.includes(p)))];
    const gold = row.gold;
    const touched = commitFiles(tree, row.sha);
    results.push({
      set: row.set ?? (row.repo.includes('teable') || row.repo.includes('vendure') ? 'apps' : 'dev'),
      repo: row.repo,
      sha: row.sha,
      engineR10: gold.filter((g) => top10.includes(g)).length / gold.length,
      planRecall: gold.filter((g) => named.includes(g)).length / gold.length,
      existing: existing.length,
      targets: targets.length,
      goldTargets: targets.filter((t) => gold.includes(t)).length,
      touchedTargets: targets.filter((t) => touched.includes(t)).length,
      named: named.length,
      // The paths themselves, to read which planned changes the commit made and which it did not.
      changed: targets,
      gold,
    });
  } catch (error) {
    results.push({ set: row.set, repo: row.repo, sha: row.sha, error: String(error.message).slice(0, 300) });
  }
  if ((i + 1) % 10 === 0) console.error(`  ${i + 1}/${rows.length}`);
}

const mean = (list, key) => list.reduce((sum, r) => sum + r[key], 0) / (list.length || 1);
const groups = [...new Set(results.map((r) => r.repo))].map((repo) => [repo, results.filter((r) => r.repo === repo)]);
for (const set of [...new Set(results.map((r) => r.set))]) groups.push([`set ${set}`, results.filter((r) => r.set === set)]);
groups.push(['all', results]);
console.log(
  `${'group'.padEnd(30)}${'n'.padEnd(5)}${'engine R@10'.padEnd(13)}${'plan recall'.padEnd(13)}${'ratio'.padEnd(8)}${'existing/plan'.padEnd(15)}${'max'.padEnd(5)}${'≤12'.padEnd(7)}${'changed/plan'.padEnd(14)}${'gold of changed'.padEnd(17)}${'touched'.padEnd(9)}errors`,
);
for (const [name, list] of groups) {
  const ok = list.filter((r) => !r.error);
  const engine = mean(ok, 'engineR10');
  const plan = mean(ok, 'planRecall');
  console.log(
    `${name.padEnd(30)}${String(ok.length).padEnd(5)}${engine.toFixed(3).padEnd(13)}${plan.toFixed(3).padEnd(13)}${(engine ? plan / engine : 0).toFixed(2).padEnd(8)}${mean(ok, 'existing').toFixed(1).padEnd(15)}${String(Math.max(0, ...ok.map((r) => r.existing))).padEnd(5)}${(ok.filter((r) => r.existing <= 12).length / (ok.length || 1)).toFixed(2).padEnd(7)}${mean(ok, 'targets').toFixed(1).padEnd(14)}${(mean(ok, 'goldTargets') / (mean(ok, 'targets') || 1)).toFixed(3).padEnd(17)}${(mean(ok, 'touchedTargets') / (mean(ok, 'targets') || 1)).toFixed(3).padEnd(9)}${list.length - ok.length}`,
  );
}
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
