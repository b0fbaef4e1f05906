#!/usr/bin/env node
// Speed and memory of the context engine on one workspace, beside a naive ts-morph baseline and the floor.
//
//   node bench/speed/context-speed.mjs <workspace-root> [--graph FILE] [--query TEXT] [--runs N] [--json]
//
// Each measurement runs in its own Node process, so its peak RSS is its own:
//   floor   TypeScript (the one ts-morph bundles) parsing the engine's files, and nothing else
//   parsed  the same, for the files the engine parses: not those above its size limit (MAX_FILE_BYTES), which it
//           reads and skips (vendure's three largest generated type files, 3.7 MB and about 0.26 s of the floor)
//   naive   new Project({ tsConfigFilePath }) + getExportedDeclarations() on every file it loads
//   cold    the engine with no index cache: parse, index, rank, render the pack (16k-token budget)
//   warm    the same with the cache the cold run left (what a second `groundplan context` does)
// Times are wall-clock from before the measured code is loaded to its end, so module loading counts (the
// engine's, TypeScript's, ts-morph's). Nx's part is prepared once up front, in its own process, and measured
// by none: the project graph (from --graph, a JSON file holding the graph or {graph}, or computed), the
// workspace facts read from it and the project file map (the hashes Nx computes for its graph anyway). The
// measured processes never load Nx.
// Build first: `npx nx run groundplan-nx:build` (or set GP_DIST to a compiled `src`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const PACKAGE = resolve(HERE, '..', '..', 'packages', 'nx');
const DIST = resolve(process.env.GP_DIST ?? join(PACKAGE, 'dist'));
const require = createRequire(join(PACKAGE, 'package.json'));
const DEFAULT_QUERY = 'feat: add a filter to the list and show it in the page';
const BUDGET = 16000;

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

async function main() {
  const root = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '.');
  if (!existsSync(join(DIST, 'context', 'build-context.js'))) throw new Error(`No build at ${DIST}: run \`npx nx run groundplan-nx:build\` first.`);
  const work = mkdtempSync(join(tmpdir(), 'gp-speed-'));
  const config = { root, workspaceFile: join(work, 'workspace.json'), query: option('--query', DEFAULT_QUERY), cacheDir: join(work, 'cache') };
  runChild('prepare', { ...config, graphFile: option('--graph') && resolve(option('--graph')) }, 'inherit');
  const runs = Number(option('--runs', '3'));
  const results = {};
  for (const mode of ['floor', 'parsed', 'naive', 'cold', 'warm']) {
    results[mode] = [];
    for (let run = 0; run < runs; run++) {
      if (mode === 'cold') rmSync(config.cacheDir, { recursive: true, force: true });
      results[mode].push(JSON.parse(runChild(mode, config, 'pipe').trim().split('\n').pop()));
    }
  }
  rmSync(work, { recursive: true, force: true });
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else printTable(root, results);
}

function runChild(mode, config, stdout) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, JSON.stringify(config)], {
    cwd: config.root,
    env: { ...process.env, NX_DAEMON: 'false', NX_WORKSPACE_ROOT_PATH: config.root },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', stdout, 'inherit'],
  });
  return out?.toString() ?? '';
}

function printTable(root, results) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`${root}: ${results.cold[0].files} files indexed (median of ${results.cold.length} runs each)\n`);
  console.log('| measurement | time | peak RSS | notes |');
  console.log('|---|---:|---:|---|');
  for (const [mode, rows] of Object.entries(results)) {
    console.log(`| ${mode} | ${(median(rows.map((r) => r.ms)) / 1000).toFixed(2)} s | ${median(rows.map((r) => r.rssMB)).toFixed(0)} MB | ${rows[0].notes} |`);
  }
  const cold = median(results.cold.map((r) => r.ms));
  const ratio = cold / median(results.floor.map((r) => r.ms));
  const parsedRatio = cold / median(results.parsed.map((r) => r.ms));
  console.log(
    `\ncold / floor = ${ratio.toFixed(2)} (cold / floor of the files it parses = ${parsedRatio.toFixed(2)}); warm engine work ${(median(results.warm.map((r) => r.ms)) / 1000).toFixed(3)} s`,
  );
}

async function child(mode, config) {
  if (mode === 'prepare') return prepare(config);
  const { facts, fileMap, files } = JSON.parse(readFileSync(config.workspaceFile, 'utf8'));
  const { diskSource } = require(join(DIST, 'utils', 'file-source.js'));
  const start = performance.now();
  const result = await MODES[mode]({ ...config, facts, fileMap, files, source: diskSource(config.root) });
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, files: files.length, ...result }));
}

/** Nx's part, once: the graph, the facts read from it, the project file map and the files the engine indexes. */
async function prepare({ root, graphFile, workspaceFile }) {
  const { computeProjectGraph, readWorkspaceFacts } = require(join(DIST, 'workspace', 'read-workspace.js'));
  const { nxProjectFileMap } = require(join(DIST, 'workspace', 'nx-file-map.js'));
  const { diskSource } = require(join(DIST, 'utils', 'file-source.js'));
  const { listSourceFiles } = require(join(DIST, 'code', 'list-files.js'));
  const data = graphFile ? JSON.parse(readFileSync(graphFile, 'utf8')) : await computeProjectGraph(root);
  const graph = data.graph ?? data;
  const source = diskSource(root);
  const facts = readWorkspaceFacts(graph, source);
  const fileMap = await nxProjectFileMap(graph);
  const files = listSourceFiles(facts.projects, source, fileMap).map((f) => f.path);
  writeFileSync(workspaceFile, JSON.stringify({ facts, fileMap, files }));
}

const MODES = {
  floor({ root, files }) {
    const { ts } = require('@ts-morph/common');
    for (const file of files) ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
    return { notes: 'ts.createSourceFile on each file' };
  },
  parsed({ root, files }) {
    const { ts } = require('@ts-morph/common');
    const { MAX_FILE_BYTES } = require(join(DIST, 'code', 'index-workspace.js'));
    const parsed = files.filter((file) => statSync(join(root, file)).size <= MAX_FILE_BYTES);
    for (const file of parsed) ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
    return { notes: `ts.createSourceFile on the ${parsed.length} files the engine parses (${files.length - parsed.length} above its size limit left out)` };
  },
  naive({ root }) {
    const { Project } = require('ts-morph');
    const tsConfigFilePath = ['tsconfig.base.json', 'tsconfig.json'].map((f) => join(root, f)).find(existsSync);
    const project = new Project({ tsConfigFilePath });
    let declarations = 0;
    for (const sourceFile of project.getSourceFiles()) declarations += sourceFile.getExportedDeclarations().size;
    return { notes: `new Project({ tsConfigFilePath }) + getExportedDeclarations: ${project.getSourceFiles().length} files, ${declarations} exports` };
  },
  cold: engine,
  warm: engine,
};

async function engine({ facts, source, fileMap, query, cacheDir }) {
  const start = performance.now();
  const { indexWorkspace } = require(join(DIST, 'code', 'index-workspace.js'));
  const { buildContext } = require(join(DIST, 'context', 'build-context.js'));
  const index = indexWorkspace({ projects: facts.projects, source, fileMap, cacheDir });
  const indexed = performance.now();
  const pack = await buildContext({ facts, source, query, index, cacheDir, budget: BUDGET });
  const rank = performance.now() - indexed;
  return {
    notes: `index ${(indexed - start).toFixed(0)} ms (parsed ${index.stats.parsed}, cached ${index.stats.cached}), rank + render ${rank.toFixed(0)} ms, pack ${pack.tokens} tokens`,
  };
}

if (args[0] === '--child') await child(args[1], JSON.parse(args[2]));
else await main();
