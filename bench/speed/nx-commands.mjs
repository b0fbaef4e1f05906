#!/usr/bin/env node
// Whole-process time of the Nx commands a user waits on, with the Nx daemon off: what registering the plugin
// adds to every graph computation (`nx show projects` with N plans in the workspace, beside the same workspace
// without the plugin), and `nx g plan <project> --dry-run` (what Nx Console runs as a form changes) beside
// Nx's own start-up.
//
//   node bench/speed/nx-commands.mjs [--workspace DIR] [--project api] [--plans 20] [--runs 5]
//
// DIR is copied to a temporary folder first (default: examples/shop) and must resolve nx and @groundplan/nx
// from its node_modules or a parent's; the copy gets this repository's node_modules when it has none. Build
// first: `npx nx run groundplan-nx:build`. Wall (Nx's defaults) and CPU (user + system, plugins in Nx's process)
// are medians.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { EXAMPLE, installedCopy, REPO } from './installed-copy.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const source = resolve(option('workspace', EXAMPLE));
const project = option('project', 'api');
const planCount = Number(option('plans', '20'));
const runs = Number(option('runs', '5'));
if (!existsSync(join(REPO, 'packages/nx/dist/index.js'))) throw new Error('Build the plugin first: npx nx run groundplan-nx:build');

const root = installedCopy(source, 'groundplan-speed-');
const NX = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_INTERACTIVE: 'false', ANTHROPIC_API_KEY: '', NX_WORKSPACE_ROOT_PATH: root };

/**
 * One whole process under /usr/bin/time: wall seconds and CPU seconds (user + system). Nx runs plugins in
 * worker processes that it kills rather than waits for, so their CPU is not counted: `inProcess` runs them in
 * Nx's own process (NX_ISOLATE_PLUGINS=false) to count all of it.
 */
function timed(argv, inProcess) {
  const runEnv = inProcess ? { ...env, NX_ISOLATE_PLUGINS: 'false' } : env;
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'node', NX, ...argv], { cwd: root, env: runEnv, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nx ${argv.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  const [wall, user, system] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + system };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time as Nx runs by default, and median CPU with the plugins in Nx's process. */
function measure(argv) {
  timed(argv, false); // warm: the file system cache and Nx's workspace data
  const wall = median(Array.from({ length: runs }, () => timed(argv, false).wall));
  const cpu = median(Array.from({ length: runs }, () => timed(argv, true).cpu));
  return { wall, cpu };
}

const nxJsonPath = join(root, 'nx.json');
const nxJson = readFileSync(nxJsonPath, 'utf8');
const withoutPlugin = JSON.stringify(
  { ...JSON.parse(nxJson), plugins: (JSON.parse(nxJson).plugins ?? []).filter((p) => (p.plugin ?? p) !== '@groundplan/nx') },
  null,
  2,
);

// N plans: one drafted by the offline drafter from a description, copied into N feature folders of the project.
const DESCRIPTION = 'Let customers export their orders as CSV from the orders page';
execFileSync('node', [NX, 'g', 'plan', project, '--feature', 'bench-0', '--description', DESCRIPTION, '--no-interactive'], { cwd: root, env, stdio: 'pipe' });
const projectRoot = JSON.parse(execFileSync('node', [NX, 'show', 'project', project, '--json'], { cwd: root, env, encoding: 'utf8' })).root;
const first = join(root, projectRoot, 'product-development', 'bench-0', 'plan.md');
for (let i = 1; i < planCount; i++) {
  mkdirSync(join(root, projectRoot, 'product-development', `bench-${i}`), { recursive: true });
  writeFileSync(join(root, projectRoot, 'product-development', `bench-${i}`, 'plan.md'), readFileSync(first));
}

try {
  writeFileSync(nxJsonPath, withoutPlugin);
  const bare = measure(['show', 'projects']);
  writeFileSync(nxJsonPath, nxJson);
  const plugged = measure(['show', 'projects']);
  const dryRun = measure(['g', 'plan', project, '--feature', 'bench-dry', '--description', DESCRIPTION, '--dry-run', '--no-interactive']);
  const pct = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(0)}%`;
  const s = (value) => `${value.toFixed(2)} s`;
  console.log(`workspace ${source} (${project}, ${planCount} plans), ${runs} runs each, daemon off; ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`);
  console.log(`nx show projects, plugin not registered   wall ${s(bare.wall)}  cpu ${s(bare.cpu)}`);
  console.log(
    `nx show projects, plugin registered       wall ${s(plugged.wall)}  cpu ${s(plugged.cpu)}  (${pct(plugged.cpu / bare.cpu - 1)} cpu, ${pct(plugged.wall / bare.wall - 1)} wall)`,
  );
  console.log(
    `nx g plan ${project} --dry-run${' '.repeat(Math.max(0, 16 - project.length))}wall ${s(dryRun.wall)}  cpu ${s(dryRun.cpu)}  (${s(dryRun.wall - plugged.wall)} over nx show projects)`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
