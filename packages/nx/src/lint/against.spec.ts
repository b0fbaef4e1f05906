import Ajv from 'ajv-draft-04';
import { git } from '../test-utils/git';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Log } from 'sarif';
import { copyExampleWorkspace, loadExampleWorkspace, type LoadedWorkspace } from '../test-utils/example-workspace';
import type { LintRunOptions } from './run-lint';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

const PLAN = 'apps/api/product-development/order-export/plan.md';
const SERVICE = 'apps/api/src/app/orders/orders.service.ts';
const CONTROLLER = 'apps/api/src/app/orders/orders.controller.ts';
const MOVED_CONTROLLER = 'apps/api/src/app/orders/orders-http.controller.ts';
const MAPPER = 'apps/api/src/app/orders/order.mapper.ts';
const MONEY = 'libs/shared/util/src/lib/money.ts';
const MODULE = 'apps/api/src/app/orders/orders.module.ts';

/** A checklist plan over examples/shop; items are on the lines the tests name. */
function planText(base: string, ticks: [boolean, boolean, boolean, boolean, boolean]): string {
  const box = (i: number) => (ticks[i] ? '[x]' : '[ ]');
  return `---
groundplan:
  template: checklist
  project: api
  base: ${base}
---

# Implementation Plan: Order export

## Feature Summary

Let back-office users export the filtered order list as CSV from the \`api\` app.

## Architecture Overview

The export lives beside \`OrdersService\` in \`${SERVICE}\`.

## Key Technical Decisions

- Stream the CSV rather than buffering it.

## Dependencies & Assumptions

- The \`shared-util\` library already formats money.

## Implementation Checklist

- ${box(0)} Add \`exportCsv()\` to \`OrdersService\` in \`${SERVICE}\`
- ${box(1)} Expose the download on \`OrdersController\` in \`${CONTROLLER}\`
- ${box(2)} Map export rows in \`${MAPPER}\`
- ${box(3)} Format export amounts with \`${MONEY}\`
- ${box(4)} Register the export in \`${MODULE}\`
`;
}
const ITEM_LINES = [28, 29, 30, 31, 32];

let workspace: LoadedWorkspace;
let runLint: typeof import('./run-lint').runLint;
let openWorkspace: typeof import('../session/open-workspace').openWorkspace;
let statusCommand: typeof import('../bin/commands/status').statusCommand;
let lintCommand: typeof import('../bin/commands/lint').lintCommand;
let base: string;

const root = () => workspace.root;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root(), path)), { recursive: true });
  writeFileSync(join(root(), path), text);
};
const read = (path: string) => readFileSync(join(root(), path), 'utf8');
/** Adds a line inside the class (before its closing brace): a real edit of the named symbol. */
const editClass = (path: string, member: string) => write(path, read(path).replace(/\n}\n(?![\s\S]*\n}\n)/, `\n  ${member}\n}\n`));

async function lint(extra: Partial<LintRunOptions> = {}) {
  return runLint({ workspace: openWorkspace(root(), { graph: workspace.graph }), patterns: [PLAN], format: 'json', version: '0.1.0', ...extra });
}
const byRule = (findings: Array<{ ruleId: string; line: number; message: string }>, ...ids: string[]) =>
  findings.filter((f) => ids.includes(f.ruleId)).map((f) => [f.ruleId, f.line, f.message]);

beforeAll(async () => {
  const copy = copyExampleWorkspace();
  git(copy, 'init', '-q', '-b', 'main');
  git(copy, 'add', '-A');
  git(copy, 'commit', '-q', '-m', 'shop');
  workspace = await loadExampleWorkspace(copy);
  /* eslint-disable @typescript-eslint/no-require-imports */
  ({ runLint } = require('./run-lint') as typeof import('./run-lint'));
  ({ openWorkspace } = require('../session/open-workspace') as typeof import('../session/open-workspace'));
  ({ statusCommand } = require('../bin/commands/status') as typeof import('../bin/commands/status'));
  ({ lintCommand } = require('../bin/commands/lint') as typeof import('../bin/commands/lint'));
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The plan is written against the shop's commit and committed; then the work begins on a branch.
  base = git(copy, 'rev-parse', 'HEAD');
  write(PLAN, planText(base, [false, false, false, false, false]));
  git(copy, 'add', '-A');
  git(copy, 'commit', '-q', '-m', 'plan');
  git(copy, 'checkout', '-q', '-b', 'order-export');
  // Two items implemented for real, the controller moved on the way; three ticked (the mapper's is a phantom).
  editClass(SERVICE, 'exportCsv(): string { return ""; }');
  git(copy, 'mv', CONTROLLER, MOVED_CONTROLLER);
  editClass(MOVED_CONTROLLER, 'download(): void {}');
  write(PLAN, planText(base, [true, true, true, false, false]));
  git(copy, 'commit', '-q', '-am', 'export');
  // An edit nobody planned, left in the working tree.
  write('apps/api/src/main.ts', `${read('apps/api/src/main.ts')}\n// tuning\n`);
}, 120_000);

afterAll(() => rmSync(workspace.root, { recursive: true, force: true }));

describe('lint-plan --against (real git on examples/shop)', () => {
  it('the phantom is an error at its line, the two done items are clean, the untouched ones silent, the unplanned edit reported once', async () => {
    const outcome = await lint({ against: 'main' });
    const [result] = outcome.results;
    expect(byRule(result.findings, 'GP011', 'GP012', 'GP013', 'GP014')).toEqual([
      ['GP013', 26, expect.stringMatching(/^1 file changed since main under the plan's projects that the plan does not name: apps\/api\/src\/main.ts\./)],
      ['GP011', ITEM_LINES[2], `Ticked, but nothing it names changed since main (${MAPPER}): do the work, or untick it.`],
    ]);
    expect(outcome.failed).toBe(true);
    expect(result.items!.map((item) => [item.line, item.checked, item.state, item.changed])).toEqual([
      [ITEM_LINES[0], true, 'done', [SERVICE]],
      [ITEM_LINES[1], true, 'done', [MOVED_CONTROLLER]],
      [ITEM_LINES[2], true, 'not-done', []],
      [ITEM_LINES[3], false, 'untouched', []],
      [ITEM_LINES[4], false, 'untouched', []],
    ]);
    expect(result.items![1].renamed).toEqual([{ from: CONTROLLER, to: MOVED_CONTROLLER }]);
    expect(result.unplanned).toEqual(['apps/api/src/main.ts']);
  });

  it('--against base uses the commit the plan records', async () => {
    const [result] = (await lint({ against: 'base' })).results;
    expect(result.against).toEqual({ ref: base, commit: base });
    expect(byRule(result.findings, 'GP011').map(([, line]) => line)).toEqual([ITEM_LINES[2]]);
  });

  it('SARIF puts the results on the plan lines and validates against the 2.1.0 schema', async () => {
    const sarif = JSON.parse((await lint({ against: 'main', format: 'sarif' })).output) as Log;
    const validate = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })).compile(SARIF_SCHEMA);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const phantom = sarif.runs[0].results!.find((r) => r.ruleId === 'GP011')!;
    expect(phantom.level).toBe('error');
    expect(phantom.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: PLAN }, region: { startLine: ITEM_LINES[2], startColumn: 1 } });
  });

  it('GP009 reports only what the plan names that changed since base, with the items affected', async () => {
    // Another change lands on a file only an unticked item names.
    const before = read(MONEY);
    write(MONEY, `${before}\nexport const CSV_DECIMALS = 2;\n`);
    try {
      const [result] = (await lint({ against: 'main' })).results;
      expect(byRule(result.findings, 'GP009')).toEqual([
        [
          'GP009',
          ITEM_LINES[3],
          `"${MONEY}" changed since the plan's base ${base.slice(0, 7)} (item at line ${ITEM_LINES[3]}): check the steps that use it still hold.`,
        ],
      ]);
      expect(result.items!.filter((item) => item.stale).map((item) => item.line)).toEqual([ITEM_LINES[3]]);
      expect(byRule(result.findings, 'GP012').map(([, line]) => line)).toEqual([ITEM_LINES[3]]);
    } finally {
      write(MONEY, before);
    }
    // Without --against, GP009 still measures drift from base (and the work of ticked items is not drift).
    const [plain] = (await lint()).results;
    expect(byRule(plain.findings, 'GP009', 'GP011', 'GP012', 'GP013', 'GP014')).toEqual([]);
    expect(plain.items).toBeUndefined();
  });

  it('a named file deleted after ticking is an error', async () => {
    const mapper = read(MAPPER);
    rmSync(join(root(), MAPPER));
    try {
      const [result] = (await lint({ against: 'main' })).results;
      expect(byRule(result.findings, 'GP011', 'GP014')).toEqual([
        ['GP014', ITEM_LINES[2], expect.stringMatching(/^Ticked, but "apps\/api\/src\/app\/orders\/order.mapper.ts" it names was deleted since main/)],
      ]);
    } finally {
      write(MAPPER, mapper);
    }
  });

  it('groundplan status: one line per item, and JSON', async () => {
    let out = '';
    const io = { cwd: root(), stdout: (text: string) => void (out += text), stderr: () => undefined, env: process.env };
    expect(await statusCommand.run([PLAN, '--against', 'main'], io)).toBe(0);
    expect(out).toContain(`${PLAN} against main (${git(root(), 'rev-parse', 'main').slice(0, 7)}): 5 items`);
    expect(out).toMatch(new RegExp(`${ITEM_LINES[2]}  \\[x\\]  ticked, nothing changed\\s+Map export rows`));
    expect(out).toContain(`renamed: ${CONTROLLER} → ${MOVED_CONTROLLER}`);
    expect(out).toContain('Unplanned changes (named nowhere in the plan): apps/api/src/main.ts');
    out = '';
    expect(await statusCommand.run([PLAN, '--json'], io)).toBe(0);
    const json = JSON.parse(out) as { against: { ref: string }; items: Array<{ state: string }> };
    expect(json.against.ref).toBe(base);
    expect(json.items.map((item) => item.state)).toEqual(['done', 'done', 'not-done', 'untouched', 'untouched']);
  });

  it('groundplan lint --against: JSON carries each item’s state and matched files', async () => {
    let out = '';
    const io = { cwd: root(), stdout: (text: string) => void (out += text), stderr: () => undefined, env: process.env };
    expect(await lintCommand.run([PLAN, '--against', 'main', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(out) as { results: Array<{ items: Array<{ line: number; state: string; changed: string[] }> }> };
    expect(report.results[0].items[0]).toMatchObject({ line: ITEM_LINES[0], state: 'done', changed: [SERVICE] });
  });

  describe('bad input: a one-line error, nothing written', () => {
    it.each([
      ['a ref that does not exist', { against: 'origin/nope' }, /^The ref "origin\/nope" does not exist in this repository/],
      ['an empty ref', { against: ' ' }, /^--against needs a git ref/],
    ])('%s', async (_name, options, message) => {
      const error = await lint({ ...options, outputFile: 'report.json' }).catch((e: unknown) => e as Error);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
      expect(existsSync(join(root(), 'report.json'))).toBe(false);
    });

    it('--against base on a plan with no base', async () => {
      const plan = 'apps/api/product-development/no-base/plan.md';
      write(plan, planText(base, [false, false, false, false, false]).replace(/ {2}base: .*\n/, ''));
      try {
        await expect(lint({ against: 'base', patterns: [plan] })).rejects.toThrow(/^apps\/api\/product-development\/no-base\/plan.md records no base commit/);
      } finally {
        rmSync(join(root(), dirname(plan)), { recursive: true });
      }
    });

    it('a plan in no project', async () => {
      const plan = 'product-development/loose/plan.md';
      write(plan, planText(base, [false, false, false, false, false]));
      try {
        await expect(lint({ against: 'main', patterns: [plan] })).rejects.toThrow(/^product-development\/loose\/plan.md is in no project: --against compares/);
      } finally {
        rmSync(join(root(), dirname(plan)), { recursive: true });
      }
    });

    it('no git: --against fails with one line; without it, GP009 falls back to recorded hashes', async () => {
      rmSync(join(root(), '.git'), { recursive: true, force: true });
      await expect(lint({ against: 'main' })).rejects.toThrow(
        /is not inside a git work tree: --against compares plans with git history; run it in a clone, or lint without --against\.$/,
      );
      const [plain] = (await lint()).results;
      expect(byRule(plain.findings, 'GP009')).toEqual([]);
    });
  });
});
