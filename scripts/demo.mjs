#!/usr/bin/env node
// The main job on a fresh clone, the Nx way: build the plugin, draft a plan for the example feature with
// `nx g plan` (the offline drafter: no key, no network), lint it with `nx run api:lint-plan` twice (the second
// run comes from Nx's cache), and print where the plan is with a short summary. Works every time: the copy of
// examples/shop it runs in is fresh, without the plans a user may have drafted in examples/shop itself.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const repo = new URL('..', import.meta.url).pathname;
// GP_DEMO_SOURCE: another workspace to copy (the demo's test gives one that already holds a plan).
const source = process.env.GP_DEMO_SOURCE ?? join(repo, 'examples', 'shop');
const shop = join(repo, 'tmp', 'demo-shop');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ANTHROPIC_API_KEY: '', NX_INTERACTIVE: 'false' };
delete env.NX_WORKSPACE_ROOT_PATH;
// The second lint-plan run shows Nx's cache: on, whatever the caller's environment says.
delete env.NX_SKIP_NX_CACHE;
const started = Date.now();

function run(command, args, cwd, quiet = false) {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'] });
}

/** Plans (and their backups) are what the demo makes: a copy without them drafts from the inputs alone. */
const isPlan = (path) => /[\\/]product-development[\\/].*(?:^|[\\/])(?:plan|implementation-plan)\.md(?:\.bak)?$/.test(path);
const isInstallOrCache = (path) => /[\\/](node_modules|\.nx|dist)([\\/]|$)/.test(path);

if (!existsSync(join(repo, 'node_modules', 'nx'))) {
  console.log('› npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund'], repo);
}
console.log('› building @groundplan/nx');
run('npx', ['nx', 'run', 'groundplan-nx:build', '--outputStyle=static'], repo, true);

// Inside the repo, so the copy resolves nx and @groundplan/nx from the repo's node_modules, as an installed workspace.
rmSync(shop, { recursive: true, force: true });
cpSync(source, shop, { recursive: true, filter: (path) => !isPlan(path) && !isInstallOrCache(path) });

console.log('› nx g plan api');
run('npx', ['nx', 'g', 'plan', 'api', '--no-interactive'], shop);

const plan = join(shop, 'apps/api/product-development/current-feature/plan.md');
const text = readFileSync(plan, 'utf8');
const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
const tasks = (text.match(/^- \[ \] /gm) ?? []).length;
const paths = new Set([...text.matchAll(/`((?:apps|libs)\/[^`\s]+)`/g)].map((m) => m[1]));

let lintStatus = 'passed';
let cached = false;
try {
  console.log('› nx run api:lint-plan');
  run('npx', ['nx', 'run', 'api:lint-plan', '--outputStyle=static'], shop);
  console.log('› nx run api:lint-plan (again: from the cache)');
  const again = run('npx', ['nx', 'run', 'api:lint-plan', '--outputStyle=static'], shop, true);
  process.stdout.write(again);
  cached = /existing outputs match the cache|local cache/i.test(again);
} catch {
  lintStatus = 'FAILED';
  process.exitCode = 1;
}

console.log(`
Plan written: ${relative(repo, plan)}
  template checklist · ${sections.length} sections (${sections.join(', ')})
  ${tasks} checklist items · ${paths.size} workspace paths referenced · lint ${lintStatus}${cached ? ' (second run from Nx cache)' : ''}
  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
