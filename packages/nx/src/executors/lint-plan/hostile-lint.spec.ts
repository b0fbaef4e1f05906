import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentHash } from '../../utils/content-hash';
import { useLintPlanHarness } from '../../test-utils/lint-plan-harness';
import type { LintResult } from '../../lint/lint-plan';

/**
 * lint, the executor and the inferred target under hostile plans, globs and output paths, on a real
 * workspace with real symlinks. Each row used to read or write outside the workspace, loop, overwrite the
 * plan, hang or crash.
 */
const PLAN = (frontmatter = '') => `---
groundplan:
  template: checklist
  project: api
${frontmatter}---

# Implementation Plan: Export

## Feature Summary

Export orders from \`apps/api/src/app/orders/orders.service.ts\`.
`;

let outside: string;

const harness = useLintPlanHarness();
const { writePlan, contextFor, lint } = harness;

beforeAll(async () => {
  outside = join(dirname(harness.workspace.root), `groundplan-outside-${process.pid}`);
  mkdirSync(join(outside, 'product-development/x'), { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), 'outside content\n');
  writeFileSync(join(outside, 'product-development/x/plan.md'), PLAN());
});

afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('groundplan lint: globs and files stay in the workspace', () => {
  it.each([
    ['an absolute glob over the whole disk', '/**/plan.md'],
    ['a ../ glob', '../**/plan.md'],
    ['a ../ file', '../OUTSIDE/product-development/x/plan.md'],
  ])('refuses %s', async (_name, pattern) => {
    await expect(lint([pattern.replace('OUTSIDE', outside.split('/').pop()!)])).rejects.toThrow(/outside the workspace/);
  });

  it('does not follow symlink loops, and lints a linked plan once', async () => {
    writePlan('apps/api/product-development/loop/plan.md', PLAN());
    const dir = join(harness.workspace.root, 'apps/api/product-development/loop');
    symlinkSync('.', join(dir, 'a'));
    symlinkSync('.', join(dir, 'b'));
    symlinkSync('plan.md', join(dir, 'alias.md'));
    try {
      const { stdout } = await lint(['apps/api/product-development/loop/**/*.md', '--format', 'json']);
      const files = (JSON.parse(stdout) as { results: LintResult[] }).results.map((r) => r.file);
      expect(files).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not lint a plan linked in from outside', async () => {
    const dir = join(harness.workspace.root, 'apps/api/product-development/linked');
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(outside, 'product-development/x/plan.md'), join(dir, 'plan.md'));
    try {
      await expect(lint(['apps/api/product-development/linked/plan.md'])).rejects.toThrow(/No plan matches/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--output-file and outputFile: inside the workspace, never the plan itself', () => {
  it.each([
    ['the plan being linted', 'apps/api/product-development/out/plan.md', /one of the files being read/],
    ['a path out of the workspace', '../../escape-report.txt', /outside the workspace/],
    ['a folder', 'apps/api', /is a directory/],
  ])('groundplan lint refuses %s and leaves it as it was', async (_name, output, message) => {
    writePlan('apps/api/product-development/out/plan.md', PLAN());
    await expect(lint(['apps/api/product-development/out/plan.md', '--output-file', output])).rejects.toThrow(message);
    expect(readFileSync(join(harness.workspace.root, 'apps/api/product-development/out/plan.md'), 'utf8')).toBe(PLAN());
  });

  it('the executor refuses outputFile ../../escape-report.txt', async () => {
    writePlan('apps/api/product-development/out/plan.md', PLAN());
    const write = process.stderr.write;
    let stderr = '';
    process.stderr.write = ((text: string) => ((stderr += text), true)) as typeof process.stderr.write;
    try {
      const outcome = await harness.executor(
        { plans: ['{projectRoot}/product-development/out/plan.md'], outputFile: '../../escape-report.txt' },
        contextFor('api'),
      );
      expect(outcome).toEqual({ success: false });
    } finally {
      process.stderr.write = write;
    }
    expect(stderr).toMatch(/outputFile: \.\.\/\.\.\/escape-report\.txt is outside the workspace/);
    expect(existsSync(join(harness.workspace.root, '../../escape-report.txt'))).toBe(false);
  });

  it('the executor refuses plans that leave the workspace', async () => {
    const write = process.stderr.write;
    let stderr = '';
    process.stderr.write = ((text: string) => ((stderr += text), true)) as typeof process.stderr.write;
    try {
      expect(await harness.executor({ plans: ['/**/plan.md'] }, contextFor('api'))).toEqual({ success: false });
    } finally {
      process.stderr.write = write;
    }
    expect(stderr).toMatch(/plans: .* is outside the workspace/);
  });
});

describe('references in a plan never reach outside the workspace', () => {
  it('GP009 does not read or hash a ../ reference, even with the right hash', async () => {
    const ref = `../${outside.split('/').pop()}/secret.txt`;
    writePlan('apps/api/product-development/refs/plan.md', PLAN(`  references:\n    "${ref}": ${contentHash('outside content\n')}\n`));
    const { stdout } = await lint(['apps/api/product-development/refs/plan.md', '--format', 'json']);
    const findings = (JSON.parse(stdout) as { results: LintResult[] }).results[0].findings.filter((f) => f.ruleId === 'GP009');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('was removed')]);
  });

  it('the inferred target gets no absolute or ../ input, and ends without a root package.json', async () => {
    writePlan(
      'apps/api/product-development/refs/plan.md',
      PLAN('  references:\n    /etc/passwd: sha256:0000000000000000\n    ../../etc/hosts: sha256:0000000000000000\n'),
    );
    const manifest = join(harness.workspace.root, 'package.json');
    const saved = readFileSync(manifest);
    rmSync(manifest);
    try {
      const results = await harness.createNodesV2[1](
        ['apps/api/product-development/refs/plan.md'],
        {},
        { workspaceRoot: harness.workspace.root, nxJsonConfiguration: {} },
      );
      const inputs = JSON.stringify(results[0][1].projects!['apps/api'].targets!['lint-plan'].inputs);
      expect(inputs).not.toMatch(/\{workspaceRoot\}\/\/|etc\/passwd|\.\.\//);
    } finally {
      writeFileSync(manifest, saved);
    }
  });
});

describe('plans too large or too deep are one finding, not a crash', () => {
  it.each([
    ['5,000 nested block quotes', `${PLAN()}\n${'>'.repeat(5000)} deep\n`, /levels deep/],
    ['300 nested list items', `${PLAN()}\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`, /levels deep/],
    ['a 5 MB plan', `${PLAN()}\n${'word '.repeat(1024 * 1024)}\n`, /over the 512 KiB limit/],
  ])('%s', async (_name, text, message) => {
    writePlan('apps/api/product-development/huge/plan.md', text);
    const { code, stdout } = await lint(['apps/api/product-development/huge/plan.md', '--format', 'json']);
    expect(code).toBe(1);
    const [result] = (JSON.parse(stdout) as { results: LintResult[] }).results;
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'GP000', message: expect.stringMatching(message) })]);
  });
});
