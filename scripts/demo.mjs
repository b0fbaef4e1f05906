#!/usr/bin/env node
// The main job on a fresh clone: build the plugin, draft a plan for the example feature with the offline
// drafter (no key, no network), lint it, and print where it is with a short summary.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const repo = new URL('..', import.meta.url).pathname;
const shop = join(repo, 'tmp', 'demo-shop');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', ANTHROPIC_API_KEY: '' };
const started = Date.now();

function run(command, args, cwd, quiet = false) {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'] });
}

if (!existsSync(join(repo, 'node_modules', 'nx'))) {
  console.log('› npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund'], repo);
}
console.log('› building @groundplan/nx');
run('npx', ['nx', 'run', 'groundplan-nx:build', '--outputStyle=static'], repo, true);

// A fresh copy of the example workspace, inside the repo so it resolves nx and @groundplan/nx from node_modules.
rmSync(shop, { recursive: true, force: true });
cpSync(join(repo, 'examples', 'shop'), shop, { recursive: true });

console.log('› nx g @groundplan/nx:plan api (offline drafter)');
run('npx', ['nx', 'g', '@groundplan/nx:plan', 'api', '--no-interactive'], shop);

const plan = join(shop, 'apps/api/product-development/current-feature/plan.md');
const text = readFileSync(plan, 'utf8');
const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
const tasks = (text.match(/^- \[ \] /gm) ?? []).length;
const paths = new Set([...text.matchAll(/`((?:apps|libs)\/[^`\s]+)`/g)].map((m) => m[1]));

console.log('› groundplan lint');
let lintStatus = 'passed';
try {
  run('node', [join(repo, 'packages/nx/dist/bin/groundplan.js'), 'lint', relative(shop, plan)], shop);
} catch {
  lintStatus = 'FAILED';
  process.exitCode = 1;
}

console.log(`
Plan written: ${relative(repo, plan)}
  template checklist · ${sections.length} sections (${sections.join(', ')})
  ${tasks} checklist items · ${paths.size} workspace paths referenced · lint ${lintStatus}
  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
