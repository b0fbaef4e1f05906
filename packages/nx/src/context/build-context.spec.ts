import { loadExampleWorkspace, type LoadedWorkspace } from '../test-utils/example-workspace';
import { buildContext, ContextError, DEFAULT_BUDGET } from './build-context';
import { estimateTokens } from '../utils/tokens';
import { craftedFacts, project, writeWorkspace } from '../test-utils/crafted-workspace';
import { diskSource } from '../utils/file-source';
import type { ContextPack } from './types';
import type { ProjectFact } from '../workspace/types';

const CANCEL_ORDER = 'feat(api): let staff cancel a paid order and refund the customer\n\nOrdersService.cancel should refund paid orders.';

let shop: LoadedWorkspace;
let pack: ContextPack;
beforeAll(async () => {
  shop = await loadExampleWorkspace();
  pack = await buildContext({ facts: shop.facts, source: shop.source, query: CANCEL_ORDER });
});

const file = (path: string) => pack.files.find((f) => f.path === path)!;

describe('buildContext on the example workspace', () => {
  it('picks the affected project from the text and says why, with the runners-up after it', () => {
    expect(pack.affected).toMatchObject({ name: 'api', root: 'apps/api', score: 1 });
    expect(pack.affected.why).toMatch(/scope `api`/);
    expect(pack.projects[0].name).toBe('api');
    expect(pack.projects.map((p) => p.name)).toEqual(expect.arrayContaining(['shared-types', 'web']));
  });

  it('ranks the file that defines the named service first, the controller that uses it close behind', () => {
    expect(pack.files[0]).toMatchObject({ path: 'apps/api/src/app/orders/orders.service.ts', project: 'api', role: 'service', score: 1 });
    expect(pack.files[0].why).toMatch(/defines `OrdersService`/);
    const paths = pack.files.map((f) => f.path);
    expect(paths.indexOf('apps/api/src/app/orders/orders.controller.ts')).toBeLessThan(5);
    expect(paths).not.toContain('apps/api/src/app/orders/orders.service.spec.ts');
  });

  it('shows routes and entities by their decorators, and signatures without bodies', () => {
    const cancel = file('apps/api/src/app/orders/orders.controller.ts').symbols[0].members.find((m) => m.name === 'cancel')!;
    expect(cancel.decorators).toEqual(["@Post(':id/cancel')", '@HttpCode(200)', "@Roles('admin')"]);
    expect(cancel.signature).toBe("cancel(@Param('id', ParseUUIDPipe) id: string): Promise<Order>");
    expect(file('apps/api/src/app/orders/order.entity.ts').symbols[0].decorators).toContain("@Entity({ name: 'orders' })");
    expect(pack.text).toContain("@Controller('orders')");
    expect(pack.text).not.toContain('return this.orders');
  });

  it('lists the existing tests of the selected files', () => {
    expect(pack.specs[0]).toBe('apps/api/src/app/orders/orders.service.spec.ts');
  });

  it('draws the affected project and its neighbours as a mermaid graph', () => {
    expect(pack.diagram.split('\n')[0]).toBe('graph TD');
    expect(pack.diagram).toContain('p_api["api"]:::affected');
    expect(pack.diagram).toContain('p_api --> p_shared_types');
    expect(pack.text).toContain(pack.diagram);
  });

  it("lists the affected project's neighbours as the diagram draws them, imports in the code included", async () => {
    expect(pack.neighbours.dependencies).toContain('shared-types');
    // The Nx graph of a crafted workspace has no dependencies: only the code's import shows one.
    const root = writeWorkspace({
      'libs/ui/src/index.ts': 'export function Button() { return null; }\n',
      'apps/dev-server/src/main.ts': "import { Button } from '@acme/ui';\nButton();\n",
      // A test borrowing the app's fixture: no dependency of the library's code on the app.
      'apps/dev-server/src/fixture.ts': 'export const fixture = 1;\n',
      'libs/ui/src/button.spec.ts': "import { fixture } from '../../../apps/dev-server/src/fixture';\nit('renders', () => fixture);\n",
    });
    const facts = craftedFacts(root, [project('ui', 'libs/ui', { importPath: '@acme/ui' }), project('dev-server', 'apps/dev-server', { type: 'application' })]);
    const crafted = await buildContext({ facts, source: diskSource(root), query: 'the button', project: 'ui', history: { commits: [] } });
    expect(crafted.neighbours.dependents).toEqual(['dev-server']);
    expect(crafted.neighbours.dependencies).toEqual([]);
    expect(crafted.diagram).toContain('p_dev_server --> p_ui');
    expect(crafted.diagram).not.toContain('p_ui --> p_dev_server');
  });

  it("names each project's suite test for the feature: named for the text's words, matching it best", async () => {
    const root = writeWorkspace({
      'libs/api/src/refund/refund.service.ts': 'export class RefundService { allowedRefund() { return true; } }\n',
      'libs/api/src/refund/refund.service.spec.ts': "import { RefundService } from './refund.service';\nit('allows', () => new RefundService());\n",
      'libs/api/test/order.e2e-spec.ts': "describe('orders', () => it('lists the orders of a customer', () => undefined));\n",
      'libs/api/test/order-refunds.e2e-spec.ts': "describe('order refunds', () => it('refuses a refund above the order total', () => undefined));\n",
      'libs/api/test/payments.e2e-spec.ts': "describe('payments', () => it('refuses a refund above the order total', () => undefined));\n",
      // The query documents the suites share: a test's helper, with no cases to add, though it matches best.
      'libs/api/e2e/graphql/order-refund-definitions.ts':
        "export const REFUND_ORDER = 'mutation RefundOrder { refundOrder { total } }'; // a refund above the order total is refused\n",
      // A unit test kept in a folder of tests (of the project's build tooling): no suite of the app's behaviour.
      'libs/api/tools/tests/order-refund-total.spec.ts':
        "describe('order refund total', () => it('refuses a refund above the order total', () => undefined));\n",
    });
    const facts = craftedFacts(root, [project('api', 'libs/api')]);
    const crafted = await buildContext({ facts, source: diskSource(root), query: 'A refund above the order total is refused.', history: { commits: [] } });
    // Not the spec beside a file (it has a subject of its own), nor an end-to-end test whose path says nothing of
    // the text, nor a unit test with no file beside it, nor a file of the tests that no test runner runs.
    expect(crafted.featureTests).toEqual({ api: 'libs/api/test/order-refunds.e2e-spec.ts' });
    expect(crafted.specs).toEqual(['libs/api/src/refund/refund.service.spec.ts', 'libs/api/test/order-refunds.e2e-spec.ts']);
  });

  /** The suite test for the feature of each project of a workspace of these files (one project per root given). */
  const suitesFor = async (files: Record<string, string>, projects: ProjectFact[], query: string) => {
    const root = writeWorkspace(files);
    return (await buildContext({ facts: craftedFacts(root, projects), source: diskSource(root), query, history: { commits: [] } })).featureTests;
  };

  it('takes no suite whose folders alone hold the words, nor one declaration: a test of another page in `e2e/pages/`', async () => {
    const web = [project('web', 'apps/web', { type: 'application' })];
    const page = 'apps/web/src/login/login-page.tsx';
    const notFound = 'apps/web/e2e/pages/system/404.spec.ts';
    const files = {
      [page]: 'export function LoginPage() { return null; }\n',
      [notFound]: "const pageSlug = 'missing';\ntest('shows the not found page', async ({ page }) => page.goto(pageSlug));\n",
    };
    const query = 'The login page shows the env error';
    const login = { 'apps/web/e2e/pages/login.spec.ts': "test('signs in', async ({ page }) => page.goto('/login'));\n" };
    expect(await suitesFor({ ...files, ...login }, web, query)).toEqual({ web: 'apps/web/e2e/pages/login.spec.ts' });
    expect(await suitesFor(files, web, query)).toEqual({});
  });

  it('takes a suite named for none of the words whose declarations hold two: the case it sets up', async () => {
    const files = {
      'apps/api/src/share/share.service.ts': 'export class ShareService { hiddenFields() { return []; } }\n',
      'apps/api/test/share.e2e-spec.ts': "const gridViewRo = { type: 'grid' };\nit('hides the fields hidden in the grid view', () => gridViewRo);\n",
    };
    expect(await suitesFor(files, [project('api', 'apps/api')], 'The grid view hides the hidden fields.')).toEqual({ api: 'apps/api/test/share.e2e-spec.ts' });
  });

  it('takes a suite named `x.e2e.ts` for one, not for the subject of itself', async () => {
    const files = {
      'libs/api/src/refund/refund.service.ts': 'export class RefundService { allowedRefund() { return true; } }\n',
      'libs/api/e2e/order-refunds.e2e.ts': "describe('order refunds', () => it('refuses a refund above the order total', () => undefined));\n",
    };
    expect(await suitesFor(files, [project('api', 'libs/api')], 'A refund above the order total is refused.')).toEqual({
      api: 'libs/api/e2e/order-refunds.e2e.ts',
    });
  });

  it('fits the default budget and counts the tokens of what it renders', () => {
    expect(pack.budget).toBe(DEFAULT_BUDGET);
    expect(pack.tokens).toBe(estimateTokens(pack.text.length));
    expect(pack.tokens).toBeLessThanOrEqual(DEFAULT_BUDGET);
    for (const ranked of pack.files) expect(pack.text).toContain(`### ${ranked.path}\n`);
    expect(pack.files.every((f) => f.tokens > 0)).toBe(true);
  });

  it('includes fewer files under a smaller budget, still within it', async () => {
    const small = await buildContext({ facts: shop.facts, source: shop.source, query: CANCEL_ORDER, budget: 1500 });
    expect(small.tokens).toBeLessThanOrEqual(1500);
    expect(small.files.length).toBeGreaterThan(0);
    expect(small.files.length).toBeLessThan(pack.files.length);
    expect(small.files.map((f) => f.path)).toEqual(pack.files.slice(0, small.files.length).map((f) => f.path));
  });

  it('keeps a named project as the affected one, whatever ranks first', async () => {
    const named = await buildContext({ facts: shop.facts, source: shop.source, query: CANCEL_ORDER, project: 'web' });
    expect(named.affected.name).toBe('web');
    expect(named.projects[0].name).toBe('web');
    expect(named.files[0].project).toBe('web');
  });

  it('answers an empty query from the structure alone, and says so', async () => {
    const empty = await buildContext({ facts: shop.facts, source: shop.source, query: '' });
    expect(empty.files.length).toBeGreaterThan(0);
    expect(empty.notes).toContain('The query is empty: files are ranked by their place in the import graph alone.');
  });

  it('rejects an unknown project and a budget that is not a positive number', async () => {
    await expect(buildContext({ facts: shop.facts, source: shop.source, query: 'x', project: 'nope' })).rejects.toThrow(ContextError);
    await expect(buildContext({ facts: shop.facts, source: shop.source, query: 'x', budget: 0 })).rejects.toThrow(/positive number/);
  });
});
