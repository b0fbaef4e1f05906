#!/usr/bin/env node
// How right are the offline drafter's plans? Drafts each labelled feature of examples/shop with `nx g
// @groundplan/nx:plan` (offline, as a user would), lints it, and scores it against its labelled answer with
// the shared scorer (score-plan.mjs: recall of the gold files, precision of the paths named, the top files,
// must-not files an item says to change). Prints one row per feature. Build first: npx nx run groundplan-nx:build
//
//   node bench/plans/run.mjs [--scorer PATH] [--keep]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const scorer = args.includes('--scorer')
  ? args[args.indexOf('--scorer') + 1]
  : (process.env.GP_SCORE_PLAN ?? join(repo, '..', 'shared', 'eval', 'score-plan.mjs'));
const sharedGold = join(repo, '..', 'shared', 'eval', 'shop-order-export.gold.json');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', ANTHROPIC_API_KEY: '' };

/** The labelled features: the shared order-export PRD, and this repo's own labels in bench/plans. */
const features = [
  { id: 'order-export', gold: sharedGold, project: 'api', feature: 'current-feature', template: 'checklist', output: 'plan.md' },
  ...['shop-bulk-cancel', 'shop-request-id'].map((name) => {
    const gold = join(repo, 'bench', 'plans', `${name}.gold.json`);
    const { input } = JSON.parse(readFileSync(gold, 'utf8'));
    return {
      id: name.replace(/^shop-/, ''),
      gold,
      project: input.project,
      feature: name.replace(/^shop-/, ''),
      template: input.template,
      kind: input.kind,
      text: input.text,
      output: input.template === 'task-blueprint' ? 'implementation-plan.md' : 'plan.md',
    };
  }),
];

if (!existsSync(join(repo, 'packages/nx/dist/bin/groundplan.js'))) throw new Error('Build the plugin first: npx nx run groundplan-nx:build');
if (!existsSync(scorer)) throw new Error(`No scorer at ${scorer}: pass --scorer PATH (shared/eval/score-plan.mjs).`);

const rows = [];
for (const f of features) {
  if (!existsSync(f.gold)) {
    console.log(`${f.id}: no labelled answer at ${f.gold}, skipped`);
    continue;
  }
  const shop = join(repo, 'tmp', 'bench-plans', f.id);
  rmSync(shop, { recursive: true, force: true });
  mkdirSync(join(repo, 'tmp', 'bench-plans'), { recursive: true });
  cpSync(join(repo, 'examples', 'shop'), shop, { recursive: true });
  const options = ['--template', f.template, '--feature', f.feature, '--no-interactive'];
  if (f.kind === 'description') options.push('--description', f.text);
  if (f.kind === 'task') {
    writeFileSync(join(shop, 'task.md'), `${f.text}\n`);
    options.push('--task-file', 'task.md');
  }
  const started = Date.now();
  execFileSync('npx', ['nx', 'g', '@groundplan/nx:plan', f.project, ...options], { cwd: shop, env, stdio: 'pipe' });
  const seconds = (Date.now() - started) / 1000;
  const root =
    f.project === 'api'
      ? 'apps/api'
      : f.project === 'web'
        ? 'apps/web'
        : JSON.parse(execFileSync('npx', ['nx', 'show', 'project', f.project, '--json'], { cwd: shop, env, encoding: 'utf8' })).root;
  const plan = `${root}/product-development/${f.feature}/${f.output}`;
  let lint = 'pass';
  try {
    execFileSync('node', [join(repo, 'packages/nx/dist/bin/groundplan.js'), 'lint', plan], { cwd: shop, env, stdio: 'pipe' });
  } catch {
    lint = 'FAIL';
  }
  const score = JSON.parse(execFileSync('node', [scorer, plan, f.gold], { cwd: shop, encoding: 'utf8' }));
  rows.push({ feature: f.id, template: f.template, ...score, lint, seconds });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(
  `${pad('feature', 14)}${pad('template', 16)}${pad('recall', 8)}${pad('prec.', 8)}${pad('top', 8)}${pad('must-not', 10)}${pad('named', 7)}${pad('lint', 6)}s`,
);
for (const r of rows) {
  console.log(
    `${pad(r.feature, 14)}${pad(r.template, 16)}${pad(r.recall.toFixed(3), 8)}${pad(r.precision.toFixed(3), 8)}${pad(r.top_recall.toFixed(3), 8)}${pad(r.targeted_wrongly.length, 10)}${pad(r.named, 7)}${pad(r.lint, 6)}${r.seconds.toFixed(1)}`,
  );
}
for (const r of rows) {
  if (r.missed.length) console.log(`  ${r.feature} missed: ${r.missed.join(', ')}`);
  if (r.wrong.length) console.log(`  ${r.feature} wrong: ${r.wrong.join(', ')}`);
  if (r.targeted_wrongly.length) console.log(`  ${r.feature} must-not targeted: ${r.targeted_wrongly.join(', ')}`);
}
if (!args.includes('--keep')) rmSync(join(repo, 'tmp', 'bench-plans'), { recursive: true, force: true });
