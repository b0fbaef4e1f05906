import { indexWorkspace } from '../../code/index-workspace';
import { buildContext } from '../../context/build-context';
import { craftedFacts, project, writeWorkspace } from '../../test-utils/crafted-workspace';
import { diskSource } from '../../utils/file-source';
import type { Requirement } from '../../templates/plan-data';
import { targetKind } from '../../workspace/project-facts';
import type { TargetFact } from '../../workspace/types';
import { CodeMap } from './code-map';
import { planWorkItems } from './work-items';

/** The test items of the plan for one requirement in a one-project workspace whose targets are `scripts` (name → command). */
async function testItems(scripts: Record<string, string>, files: Record<string, string> = {}): Promise<string[]> {
  const root = writeWorkspace({
    'libs/api/src/refund/refund-policy.ts': 'export function allowedRefund(orderTotal: number, refund: number) { return refund <= orderTotal; }\n',
    ...files,
  });
  const targets: TargetFact[] = Object.entries(scripts).map(([name, command]) => ({
    name,
    command,
    executor: 'nx:run-script',
    kind: targetKind(name, 'nx:run-script', command),
  }));
  const facts = craftedFacts(root, [project('api', 'libs/api', { targets })]);
  const source = diskSource(root);
  const index = indexWorkspace({ projects: facts.projects, source });
  const text = 'A refund above the total of its order is refused.';
  const requirement: Requirement = { id: 'R1', text, source: 'PRD.md:1', kind: 'requirement', area: 'backend' };
  const pack = await buildContext({ facts, source, index, query: text, history: { commits: [] } });
  const code = new CodeMap(index, facts, source, pack.featureTests);
  const { items } = planWorkItems([requirement], [], facts, facts.projects.api, code, pack.files);
  return items.filter((item) => item.area === 'testing').map((item) => item.title);
}

describe('planWorkItems: how a test item says to run the tests', () => {
  it('runs the target that runs a test tool', async () => {
    const [title] = await testItems({ test: 'vitest run' });
    expect(title).toContain('; run `nx run api:test`');
  });

  it('runs the unit suite, not a target that runs the end-to-end suite after it', async () => {
    const [title] = await testItems({
      test: 'run-s test-unit test-e2e',
      'test-unit': 'vitest run --silent',
      'test-e2e': 'vitest run --config vitest-e2e.config.ts',
    });
    expect(title).toContain('; run `nx run api:test-unit`');
  });

  it("names the project's end-to-end suite for the feature, wherever the project keeps them, and runs the end-to-end suite", async () => {
    const [title] = await testItems(
      { test: 'vitest run', e2e: 'vitest --config e2e/vitest.config.mts' },
      { 'libs/api/e2e/refunds.e2e-spec.ts': "describe('refunds', () => it('refuses a refund above the order total', () => undefined));\n" },
    );
    expect(title).toContain('Extend the specs of the files above that change: `libs/api/e2e/refunds.e2e-spec.ts`; run `nx run api:e2e`');
  });

  it('runs both suites when the specs it names are some end-to-end, some not', async () => {
    const [title] = await testItems(
      { test: 'vitest run', e2e: 'vitest --config e2e/vitest.config.mts' },
      {
        'libs/api/src/refund/refund-total.ts': 'export function refundTotal(orderTotal: number, refund: number) { return refund <= orderTotal; }\n',
        'libs/api/src/refund/refund-total.spec.ts': "import { refundTotal } from './refund-total';\nit('refuses', () => refundTotal(1, 2));\n",
        'libs/api/e2e/refunds.e2e-spec.ts': "describe('refunds', () => it('refuses a refund above the order total', () => undefined));\n",
      },
    );
    expect(title).toContain('`libs/api/src/refund/refund-total.spec.ts`');
    expect(title).toContain('`libs/api/e2e/refunds.e2e-spec.ts`');
    expect(title).toContain('; run `nx run api:test` and `nx run api:e2e`');
  });

  it('runs the end-to-end target that runs the suite, not one that only prepares it', async () => {
    const [title] = await testItems(
      { 'pre-test-e2e': 'prisma db seed', 'test-e2e': 'pnpm pre-test-e2e && vitest run --config ./vitest-e2e.config.ts' },
      { 'libs/api/test/refunds.e2e-spec.ts': "describe('refunds', () => it('refuses a refund above the order total', () => undefined));\n" },
    );
    expect(title).toContain('; run `nx run api:test-e2e`');
  });

  it('says the project runs no tests when its test script is a placeholder, rather than sending the engineer to it', async () => {
    const [title] = await testItems({ test: 'echo "Error: no test specified" && exit 1' });
    expect(title).not.toContain('nx run api:test');
    expect(title).toContain('`api` has no target that runs its tests (its `test` target only echoes)');
  });

  it("runs the project's end-to-end suite when it has no unit test runner", async () => {
    const [title] = await testItems({ e2e: 'vitest --config ../../e2e-common/vitest.config.mts --run' });
    expect(title).toContain('; its tests run end to end: `nx run api:e2e`');
  });

  it('says so too when the project has no test target at all', async () => {
    const [title] = await testItems({ build: 'tsc -b' });
    expect(title).toContain('`api` has no target that runs its tests —');
  });
});
