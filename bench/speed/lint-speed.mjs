#!/usr/bin/env node
// How long lint-plan takes on the example workspace: 1 plan and 100 plans, every rule on (GP010's markdownlint
// and GP007's code index included), and the 100 plans again with --against a commit 200 changed files back
// (the git diff read once, GP011–GP014 and GP009's overlap on every plan).
//
//   node bench/speed/lint-speed.mjs [--plans N] [--runs N] [--changed N] [--json]
//
// The example workspace is copied to a temporary folder and N copies of a grounded checklist plan (about 60
// lines naming real files, projects and symbols, and one broken path) are written into its `api` project.
// Computing the Nx project graph is Nx's start-up and is excluded; the linter's own time is measured from
// finding the plan files to the formatted report. The code index is built once up front and reported apart
// (Nx-hash keyed and cached on disk, it is rebuilt only for changed files); a run's first lint also pays for
// loading the Markdown parser and markdownlint, reported as "first plan".
// Build first: `npx nx run groundplan-nx:build` (or set GP_DIST to a compiled `src`).
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { EXAMPLE, installedCopy } from './installed-copy.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = resolve(process.env.GP_DIST ?? join(HERE, '..', '..', 'packages', 'nx', 'dist'));
const require = createRequire(join(DIST, 'index.js'));

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

const PLAN = (n) => `---
groundplan:
  template: checklist
  project: api
---

# Implementation Plan: Order export ${n}

## Feature Summary

Let back-office users export the filtered order list as CSV from the \`api\` app, with the same filters as the list.

## Architecture Overview

The export sits beside \`OrdersService\` in \`apps/api/src/app/orders/orders.service.ts\` and is served by
\`OrdersController\` in \`apps/api/src/app/orders/orders.controller.ts\`. Amounts are formatted with
\`formatMoney\` from \`@shop/shared-util\`; the date filter reuses \`whereInDateRange\` in
\`libs/api/data-access/src/lib/date-filter.ts\`. The \`web\` app calls it through the \`web-data-access\` library.

## Key Technical Decisions

- Stream the CSV rather than buffering it, so large exports stay within memory.
- Keep CSV encoding a pure helper in the \`shared-util\` library, beside \`toDecimalString\` in \`libs/shared/util/src/lib/money.ts\`.
- Reuse \`paginate\` from \`@shop/api-data-access\` for batching.

## Dependencies & Assumptions

- \`api\` already depends on \`shared-util\`; no new module-boundary exception is needed.
- The orders table has an index on the placed date (see \`apps/api/src/app/orders/order.entity.ts\`).

## Implementation Checklist

### Backend

- [ ] Add \`exportCsv()\` to \`OrdersService\` in \`apps/api/src/app/orders/orders.service.ts\`
- [ ] Create \`apps/api/src/app/orders/orders-export.controller.ts\` with the download endpoint
- [ ] Register the controller in \`apps/api/src/app/orders/orders.module.ts\`
- [ ] Validate the filters with \`ListOrdersQueryDto\` in \`apps/api/src/app/orders/dto/list-orders.query.dto.ts\`

### Shared Code

- [ ] Create \`libs/shared/util/src/lib/csv.ts\` with a quoting helper
- [ ] Export the helper from \`libs/shared/util/src/index.ts\`

### Security

- [ ] Restrict the endpoint with \`Roles\` from \`apps/api/src/app/auth/roles.decorator.ts\`

### Testing

- [ ] Test the CSV rows in \`apps/api/src/app/orders/orders.service.spec.ts\`
- [ ] Test quoting in \`libs/shared/util/src/lib/csv.spec.ts\` (new)
- [ ] Check the audit trail in \`apps/api/src/app/orders/order-audit.ts\`
`;

/** Wall-clock and CPU time (user + system) of one call: on a shared machine the CPU time is the steadier figure. */
function time(fn) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  return Promise.resolve(fn()).then((value) => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
  });
}

async function main() {
  if (!existsSync(join(DIST, 'lint', 'run-lint.js'))) throw new Error(`No build at ${DIST}: run \`npx nx run groundplan-nx:build\` first.`);
  const count = option('--plans', 100);
  const runs = option('--runs', 3);
  const root = installedCopy(EXAMPLE, 'gp-lint-speed-');
  for (let n = 1; n <= count; n++) {
    const dir = join(root, 'apps', 'api', 'product-development', `feature-${String(n).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'plan.md'),
      n % 2
        ? PLAN(n)
            .replace(/- \[ \]/, '- [x]')
            .replace(/- \[ \]/, '- [x]')
        : PLAN(n),
    );
  }
  const base = commitAndChange(root, option('--changed', 200));
  process.env.NX_DAEMON = 'false';
  process.env.NX_WORKSPACE_ROOT_PATH = root;
  const { computeProjectGraph } = require('./workspace/read-workspace.js');
  const { openWorkspace } = require('./workspace/open-workspace.js');
  const { runLint } = require('./lint/run-lint.js');
  const graph = await computeProjectGraph(root);
  // Opened with the graph, as the executor is: its snapshot (facts, code index) is kept across the runs below.
  const workspace = openWorkspace(root, { graph, env: { ...process.env, NX_WORKSPACE_DATA_DIRECTORY: join(root, '.bench-cache') } });
  const { facts, code } = await workspace.snapshot();
  const index = await time(code);
  const lint = (patterns) => runLint({ workspace, patterns, format: 'stylish', version: 'bench' });

  const one = 'apps/api/product-development/feature-001/plan.md';
  const all = 'apps/api/product-development/feature-*/plan.md';
  const first = await time(() => lint([one]));
  const results = {
    codeIndexMs: index.ms,
    firstPlanMs: first.ms,
    onePlanMs: [],
    onePlanCpuMs: [],
    manyPlansMs: [],
    manyPlansCpuMs: [],
    againstMs: [],
    againstCpuMs: [],
    plans: count,
    changed: base.changed,
  };
  for (let run = 0; run < runs; run++) {
    const single = await time(() => lint([one]));
    results.onePlanMs.push(single.ms);
    results.onePlanCpuMs.push(single.cpuMs);
    const many = await time(() => lint([all]));
    results.manyPlansMs.push(many.ms);
    results.manyPlansCpuMs.push(many.cpuMs);
    results.findings = many.value.results.reduce((sum, r) => sum + r.findings.length, 0);
    const against = await time(() => runLint({ workspace, patterns: [all], format: 'stylish', version: 'bench', against: base.ref }));
    results.againstMs.push(against.ms);
    results.againstCpuMs.push(against.cpuMs);
    results.againstFindings = against.value.results.reduce((sum, r) => sum + r.findings.length, 0);
  }
  rmSync(root, { recursive: true, force: true });
  if (args.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
  const [load] = loadavg();
  console.log(
    `lint-plan on examples/shop (${Object.keys(facts.projects).length} projects, ${index.value.files.size} indexed files), median of ${runs} runs, load average ${load.toFixed(1)} on ${cpus().length} CPUs`,
  );
  console.log(`                                     wall       CPU`);
  console.log(`  code index, built once (cold)  ${ms(results.codeIndexMs)}`);
  console.log(`  first plan (loads parsers)     ${ms(results.firstPlanMs)}`);
  console.log(`  1 plan                         ${ms(median(results.onePlanMs))} ${ms(median(results.onePlanCpuMs))}`);
  console.log(
    `  ${String(count).padEnd(3)} plans                      ${ms(median(results.manyPlansMs))} ${ms(median(results.manyPlansCpuMs))}  (${(median(results.manyPlansMs) / count).toFixed(1)} ms/plan wall, ${results.findings} findings)`,
  );
  console.log(
    `  ${String(count).padEnd(3)} plans --against (${String(results.changed).padStart(3)} files) ${ms(median(results.againstMs))} ${ms(median(results.againstCpuMs))}  (${results.againstFindings} findings)`,
  );
}

/**
 * Makes the copy a git repository with one commit (the ref --against is given), then changes \`changed\` files
 * after it: the files the plans name (edited), the rest new files in the api project, staged.
 * Half the plans tick their first two items, so GP011 (and GP014 for the new csv.ts) have work to do.
 */
function commitAndChange(root, changed) {
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: root,
      stdio: 'pipe',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
      },
    })
      .toString()
      .trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const ref = git('rev-parse', 'HEAD');
  const named = ['apps/api/src/app/orders/orders.service.ts', 'apps/api/src/app/orders/orders.module.ts', 'libs/shared/util/src/index.ts'].filter((path) =>
    existsSync(join(root, path)),
  );
  for (const path of named) appendFileSync(join(root, path), '\nexport const CHANGED_FOR_BENCH = 1;\n');
  const dir = join(root, 'apps', 'api', 'src', 'app', 'bench-changes');
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < changed - named.length; n++) writeFileSync(join(dir, `change-${n}.ts`), `export const change${n} = ${n};\n`);
  git('add', join('apps', 'api', 'src', 'app', 'bench-changes'));
  return { ref, changed };
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
