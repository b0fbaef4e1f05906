#!/usr/bin/env node
// Speed and memory of the context engine on one workspace, beside a naive ts-morph baseline and the floor.
//
//   node packages/nx/bench/context-speed.mjs <workspace-root> [--graph FILE] [--query TEXT] [--runs N] [--json]
//
// Each measurement runs in its own Node process, so its peak RSS is its own:
//   floor   TypeScript (the one ts-morph bundles) parsing the engine's files, and nothing else
//   naive   new Project({ tsConfigFilePath }) + getExportedDeclarations() on every one of those files
//   cold    the engine with no index cache: list, parse, index, rank, render the pack
//   warm    the same with the cache the cold run left (what a second `groundplan context` does)
// Times are wall-clock from before the measured code is loaded to its end, so module loading counts (the
// engine's, TypeScript's, ts-morph's); computing the Nx project graph does not (it is Nx's, and it is cached by
// Nx). The graph comes from --graph (a JSON file holding the graph, or {graph}) or is computed once up front.
// Build first: `npx nx run groundplan-nx:build` (or set GP_DIST to a compiled `src`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = resolve(process.env.GP_DIST ?? join(HERE, '..', 'dist'));
const require = createRequire(join(HERE, '..', 'package.json'));
const DEFAULT_QUERY = 'feat: add a filter to the list and show it in the page';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

async function main() {
  const root = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '.');
  if (!existsSync(join(DIST, 'context', 'build-context.js'))) throw new Error(`No build at ${DIST}: run \`npx nx run groundplan-nx:build\` first.`);
  const work = mkdtempSync(join(tmpdir(), 'gp-speed-'));
  const graphFile = option('--graph') ? resolve(option('--graph')) : computeGraph(root, work);
  const config = { root, graphFile, query: option('--query', DEFAULT_QUERY), cacheDir: join(work, 'cache') };
  const runs = Number(option('--runs', '3'));
  const results = {};
  for (const mode of ['floor', 'naive', 'cold', 'warm']) {
    results[mode] = [];
    for (let run = 0; run < runs; run++) {
      if (mode === 'cold') rmSync(config.cacheDir, { recursive: true, force: true });
      results[mode].push(measure(mode, config));
    }
  }
  rmSync(work, { recursive: true, force: true });
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else printTable(root, results);
}

/** The project graph, computed once through Nx in a child process and written where the children read it. */
function computeGraph(root, work) {
  const file = join(work, 'graph.json');
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', 'graph', JSON.stringify({ root, graphFile: file })], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_WORKSPACE_ROOT_PATH: root },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return file;
}

function measure(mode, config) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, JSON.stringify(config)], {
    cwd: config.root,
    env: { ...process.env, NX_DAEMON: 'false', NX_WORKSPACE_ROOT_PATH: config.root },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.toString().trim().split('\n').pop());
}

function printTable(root, results) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const files = results.cold[0].files;
  console.log(`${root}: ${files} files indexed (median of ${results.cold.length} runs each)\n`);
  console.log('| measurement | time | peak RSS | notes |');
  console.log('|---|---:|---:|---|');
  for (const [mode, rows] of Object.entries(results)) {
    const ms = median(rows.map((r) => r.ms));
    const rss = median(rows.map((r) => r.rssMB));
    console.log(`| ${mode} | ${(ms / 1000).toFixed(2)} s | ${rss.toFixed(0)} MB | ${rows[0].notes} |`);
  }
  const floor = median(results.floor.map((r) => r.ms));
  const cold = median(results.cold.map((r) => r.ms));
  const warmEngine = median(results.warm.map((r) => r.engineMs));
  console.log(`\ncold / floor = ${(cold / floor).toFixed(2)}; warm engine work ${(warmEngine / 1000).toFixed(3)} s (index from cache, rank, render)`);
}

async function child(mode, config) {
  if (mode === 'graph') return writeGraph(config);
  const { graph, facts, source, files } = loadWorkspace(config);
  const start = performance.now();
  const result = await MODES[mode]({ ...config, graph, facts, source, files });
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, files: files.length, ...result }));
}

async function writeGraph({ root, graphFile }) {
  const { computeProjectGraph } = require(join(DIST, 'workspace', 'read-workspace.js'));
  writeFileSync(graphFile, JSON.stringify(await computeProjectGraph(root)));
}

/** Facts from the graph (Nx's part, not measured) and the list of files the engine indexes (measured by all). */
function loadWorkspace({ root, graphFile }) {
  const data = JSON.parse(readFileSync(graphFile, 'utf8'));
  const graph = data.graph ?? data;
  const { readWorkspaceFacts } = require(join(DIST, 'workspace', 'read-workspace.js'));
  const { diskSource } = require(join(DIST, 'utils', 'file-source.js'));
  const { listSourceFiles } = require(join(DIST, 'code', 'list-files.js'));
  const source = diskSource(root);
  const facts = readWorkspaceFacts(graph, source);
  return { graph, facts, source, files: listSourceFiles(facts.projects, source).map((f) => f.path) };
}

const MODES = {
  floor({ root, files }) {
    const { ts } = require('@ts-morph/common');
    for (const file of files) ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
    return { notes: 'ts.createSourceFile on each file' };
  },
  naive({ root, files }) {
    const { Project } = require('ts-morph');
    const tsConfigFilePath = ['tsconfig.base.json', 'tsconfig.json'].map((f) => join(root, f)).find(existsSync);
    const project = new Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true });
    let declarations = 0;
    for (const file of files) project.addSourceFileAtPath(join(root, file));
    for (const sourceFile of project.getSourceFiles()) declarations += sourceFile.getExportedDeclarations().size;
    return { notes: `new Project + getExportedDeclarations: ${declarations} exports, ${project.getSourceFiles().length} files loaded` };
  },
  cold: engine,
  warm: engine,
};

async function engine({ facts, source, query, cacheDir }) {
  const { indexWorkspace } = require(join(DIST, 'code', 'index-workspace.js'));
  const { buildContext } = require(join(DIST, 'context', 'build-context.js'));
  const start = performance.now();
  const index = indexWorkspace({ projects: facts.projects, source, cacheDir });
  const indexed = performance.now();
  const pack = await buildContext({ facts, source, query, index, budget: 16000 });
  const engineMs = performance.now() - start;
  return {
    engineMs,
    notes: `index ${(indexed - start).toFixed(0)} ms (parsed ${index.stats.parsed}, cached ${index.stats.cached}), rank+render ${(engineMs - indexed + start).toFixed(0)} ms, pack ${pack.tokens} tokens`,
  };
}

if (args[0] === '--child') await child(args[1], JSON.parse(args[2]));
else await main();
