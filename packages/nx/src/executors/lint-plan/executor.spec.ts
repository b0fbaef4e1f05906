import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { useLintPlanHarness } from '../../test-utils/lint-plan-harness';
import type { LintResult } from '../../lint/lint-plan';
import { workspaceDataDir } from '../../code/index-cache';

/** A checklist plan for the example's API, grounded in its real files, projects and symbols. */
const CLEAN_PLAN = `---
groundplan:
  template: checklist
  project: api
---

# Implementation Plan: Order export

## Feature Summary

Let back-office users export the filtered order list as CSV from the \`api\` app.

## Architecture Overview

The export lives beside \`OrdersService\` in \`apps/api/src/app/orders/orders.service.ts\` and formats amounts with \`formatMoney\` from \`@shop/shared-util\`.

## Key Technical Decisions

- Stream the CSV rather than buffering it, so large exports stay within memory.

## Dependencies & Assumptions

- The \`shared-util\` library already formats money; no new dependency is needed.

## Implementation Checklist

### Backend

- [ ] Add \`exportCsv()\` to \`OrdersService\` in \`apps/api/src/app/orders/orders.service.ts\`
- [ ] Create \`apps/api/src/app/orders/orders-export.controller.ts\` with the download endpoint

### Testing

- [ ] Test the CSV rows in \`apps/api/src/app/orders/orders.service.spec.ts\`
`;

const BROKEN_PLAN = CLEAN_PLAN.replace('orders.service.ts` and', 'order.service.ts` and')
  .replace('`formatMoney`', '`formatMony`')
  .replace('- [ ] Create', 'This takes 3 days of work.\n\n- [ ] Create');

function readReport<T>(file: string): T {
  return JSON.parse(readFileSync(join(harness.workspace.root, file), 'utf8')) as T;
}

const harness = useLintPlanHarness();
const { writePlan, contextFor, lint } = harness;

describe('lint-plan executor on the example workspace', () => {
  it('passes a grounded plan', async () => {
    writePlan('apps/api/product-development/order-export/plan.md', CLEAN_PLAN);
    const outcome = await harness.executor({ format: 'json', outputFile: 'tmp/clean.json', rules: { GP010: 'off' } }, contextFor('api'));
    const report = readReport<{ errorCount: number; results: LintResult[] }>('tmp/clean.json');
    expect(report.results.map((r) => r.file)).toContain('apps/api/product-development/order-export/plan.md');
    expect(report.results.find((r) => r.file.endsWith('order-export/plan.md'))!.findings).toEqual([]);
    expect(report.errorCount).toBe(0);
    expect(outcome).toEqual({ success: true });
  });

  it('fails on errors, with suggestions from the real workspace and code index', async () => {
    writePlan('apps/api/product-development/broken/plan.md', BROKEN_PLAN);
    const outcome = await harness.executor(
      { plans: ['{projectRoot}/product-development/broken/plan.md'], format: 'json', outputFile: 'tmp/broken.json' },
      contextFor('api'),
    );
    expect(outcome).toEqual({ success: false });
    const [result] = readReport<{ results: LintResult[] }>('tmp/broken.json').results;
    const errors = result.findings.filter((f) => f.severity === 'error').map(({ ruleId, suggestion }) => ({ ruleId, suggestion }));
    expect(errors).toEqual([
      { ruleId: 'GP005', suggestion: 'apps/api/src/app/orders/orders.service.ts' },
      { ruleId: 'GP007', suggestion: 'formatMoney' },
      { ruleId: 'GP004', suggestion: undefined },
    ]);
  });

  it('fails on warnings only under strict or maxWarnings', async () => {
    writePlan('apps/api/product-development/warned/plan.md', CLEAN_PLAN.replace('- [ ] Create', '- [ ] The download endpoint\n- [ ] Create'));
    const plans = ['{projectRoot}/product-development/warned/plan.md'];
    expect(await harness.executor({ plans, outputFile: 'tmp/w.txt', rules: { GP010: 'off' } }, contextFor('api'))).toEqual({ success: true });
    expect(await harness.executor({ plans, outputFile: 'tmp/w.txt', rules: { GP010: 'off' }, strict: true }, contextFor('api'))).toEqual({ success: false });
    expect(await harness.executor({ plans, outputFile: 'tmp/w.txt', rules: { GP010: 'off' }, maxWarnings: 0 }, contextFor('api'))).toEqual({ success: false });
    expect(readFileSync(join(harness.workspace.root, 'tmp/w.txt'), 'utf8')).toMatch(/does not start with a verb.*GP003\/checklist-items/);
  });

  it('fails with a clear message when the globs match nothing', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await harness.executor({ plans: ['{projectRoot}/docs/**/plan.md'] }, contextFor('web'))).toEqual({ success: false });
      expect(stderr).toHaveBeenCalledWith(
        'lint-plan: No plan matches "apps/web/docs/**/plan.md" (paths and globs are relative to the workspace root ' + harness.workspace.root + ').\n',
      );
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('lint-plan executor with against', () => {
  it('fails with one line, writes no report, when the workspace is not in git', async () => {
    writePlan('apps/api/product-development/order-export/plan.md', CLEAN_PLAN);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await harness.executor({ against: 'origin/main', format: 'json', outputFile: 'tmp/against.json' }, contextFor('api'))).toEqual({ success: false });
      expect(stderr).toHaveBeenCalledWith(
        expect.stringMatching(
          /^lint-plan: .* is not inside a git work tree: --against compares plans with git history; run it in a clone, or lint without --against\.\n$/,
        ),
      );
      expect(existsSync(join(harness.workspace.root, 'tmp/against.json'))).toBe(false);
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('createNodes', () => {
  it("passes the plugin's against option to the target, and hashes the commit the ref names", async () => {
    const results = await harness.createNodesV2[1](
      ['apps/api/product-development/order-export/plan.md'],
      { against: 'origin/main' },
      { workspaceRoot: harness.workspace.root, nxJsonConfiguration: {} },
    );
    const target = results[0][1].projects!['apps/api'].targets!['lint-plan'];
    expect(target.options).toEqual({ against: 'origin/main' });
    expect(target.inputs).toContainEqual({ runtime: 'git rev-parse --verify --quiet origin/main' });
  });

  it('adds a cached lint-plan target to each project holding a plan, with the projects its plans reference as inputs', async () => {
    writePlan('apps/api/product-development/order-export/plan.md', CLEAN_PLAN);
    writePlan('libs/web/ui/product-development/table/implementation-plan.md', '# Table\n\nAdd a dependency from `web-ui` to `shared-util`.\n');
    writePlan('product-development/orphan/plan.md', '# Not in a project\n');
    const files = [
      'apps/api/product-development/order-export/plan.md',
      'libs/web/ui/product-development/table/implementation-plan.md',
      'product-development/orphan/plan.md',
    ];
    const results = await harness.createNodesV2[1](files, { templatesDir: 'tools/plans' }, { workspaceRoot: harness.workspace.root, nxJsonConfiguration: {} });
    expect(results.map(([file, result]) => [file, Object.keys(result.projects!)])).toEqual([
      ['apps/api/product-development/order-export/plan.md', ['apps/api']],
      ['libs/web/ui/product-development/table/implementation-plan.md', ['libs/web/ui']],
    ]);
    const api = results[0][1].projects!['apps/api'].targets!['lint-plan'];
    expect(api).toMatchObject({ executor: '@groundplan/nx:lint-plan', cache: true, outputs: [] });
    expect(api.inputs).toEqual([
      '{workspaceRoot}/apps/api/product-development/order-export/plan.md',
      '{projectRoot}/**/*',
      // `@shop/shared-util`, through tsconfig paths.
      '{workspaceRoot}/libs/shared/util/**/*',
      { input: 'default', projects: ['api', 'shared-util'] },
      '{workspaceRoot}/nx.json',
      '{workspaceRoot}/eslint.config.*',
      '{workspaceRoot}/.eslintrc.json',
      '{workspaceRoot}/.eslintrc',
      '{workspaceRoot}/tsconfig.base.json',
      '{workspaceRoot}/tsconfig.json',
      '{workspaceRoot}/package.json',
      '{workspaceRoot}/.gitignore',
      '{workspaceRoot}/.groundplanignore',
      '{workspaceRoot}/tools/plans/**/*',
    ]);
    // A plan that adds a dependency is checked for cycles over the whole graph.
    expect(results[1][1].projects!['libs/web/ui'].targets!['lint-plan'].inputs).toContainEqual({ input: 'default', projects: '*' });
  });

  it("parses a plan again only when its content changed, from a cache in Nx's workspace data", async () => {
    const plan = 'apps/api/product-development/cached/plan.md';
    const nodes = async () =>
      (await harness.createNodesV2[1]([plan], {}, { workspaceRoot: harness.workspace.root, nxJsonConfiguration: {} }))[0][1].projects!['apps/api'].targets![
        'lint-plan'
      ].inputs;
    writePlan(plan, '# Cached\n\nFormat with `formatMoney` from the `shared-util` project.\n');
    expect(await nodes()).toContainEqual({ input: 'default', projects: ['shared-util'] });
    // What the cache holds for an unchanged plan is what the next computation uses: the plan is not parsed again.
    const cacheFile = join(workspaceDataDir(harness.workspace.root), 'groundplan-plan-references.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    cache.entries[plan].references.projects = ['web'];
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(await nodes()).toContainEqual({ input: 'default', projects: ['web'] });
    writePlan(plan, '# Cached\n\nFormat with `formatMoney` from the `shared-types` project.\n');
    expect(await nodes()).toContainEqual({ input: 'default', projects: ['shared-types'] });
  });

  it('says which plan it cannot read, and still adds the target, where lint-plan reports why', async () => {
    const plan = 'apps/api/product-development/huge/plan.md';
    writePlan(plan, `# Huge\n\n${'word '.repeat(120_000)}\n`);
    const said: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((text: string) => said.push(text) > 0) as typeof process.stderr.write;
    try {
      const results = await harness.createNodesV2[1]([plan], {}, { workspaceRoot: harness.workspace.root, nxJsonConfiguration: {} });
      expect(results[0][1].projects!['apps/api'].targets!['lint-plan'].inputs).toContain(`{workspaceRoot}/${plan}`);
    } finally {
      process.stderr.write = write;
    }
    expect(said.join('')).toMatch(
      /^Groundplan: apps\/api\/product-development\/huge\/plan\.md cannot be read for its references \(.*512 KiB.*\); run lint-plan on it for the details\.\n$/,
    );
  });

  it("honours the plugin's targetName", async () => {
    const results = await harness.createNodesV2[1](
      ['apps/api/product-development/order-export/plan.md'],
      { targetName: 'plans' },
      { workspaceRoot: harness.workspace.root, nxJsonConfiguration: {} },
    );
    expect(Object.keys(results[0][1].projects!['apps/api'].targets!)).toEqual(['plans']);
  });
});

describe('groundplan lint', () => {
  it('lints globs relative to the current folder and writes SARIF', async () => {
    writePlan('apps/api/product-development/broken/plan.md', BROKEN_PLAN);
    const { code, stderr } = await lint(
      ['product-development/broken/*.md', '--format', 'sarif', '--output-file', 'report.sarif'],
      join(harness.workspace.root, 'apps/api'),
    );
    expect(code).toBe(1);
    expect(stderr).toBe('groundplan lint: report written to report.sarif\n');
    const sarif = JSON.parse(readFileSync(join(harness.workspace.root, 'apps/api/report.sarif'), 'utf8')) as Log;
    expect(sarif.runs[0].results!.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri)).toContain('apps/api/product-development/broken/plan.md');
  });

  it('exits 0 on a clean plan and prints the stylish summary', async () => {
    writePlan('apps/api/product-development/order-export/plan.md', CLEAN_PLAN);
    const { code, stdout } = await lint(['apps/api/product-development/order-export/plan.md', '--rule', 'GP010=off']);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '✔ 1 plan checked, no problems.\n' });
  });

  it('says which pattern matched nothing', async () => {
    await expect(lint(['nowhere/**/plan.md'])).rejects.toThrow(/^No plan matches "nowhere\/\*\*\/plan.md"/);
  });

  it('rejects bad options as usage errors', async () => {
    await expect(lint(['x.md', '--format', 'xml'])).rejects.toThrow('--format must be one of stylish, json, sarif, not "xml".');
    await expect(lint(['x.md', '--rule', 'GP004'])).rejects.toThrow(/--rule takes ID=SEVERITY/);
    await expect(lint([])).rejects.toThrow(/name the plans to lint/);
  });
});
