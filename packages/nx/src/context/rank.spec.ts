import type { ChangeHistory } from '../code/change-history';
import { indexWorkspace } from '../code/index-workspace';
import { craftedFacts, project, writeWorkspace } from '../test-utils/crafted-workspace';
import { distinctWords } from '../test-utils/distinct-words';
import { diskSource } from '../utils/file-source';
import { buildContext } from './build-context';
import { projectEdges } from './project-edges';
import { parseQuery } from './query';
import { rankWorkspace, type ScoredFile } from './rank';

const FILES = {
  'tsconfig.base.json':
    '{ "compilerOptions": { "paths": { "@acme/orders": ["libs/orders/src/index.ts"], "@acme/payments": ["libs/payments/src/index.ts"], "@acme/util": ["libs/util/src/index.ts"] } } }',
  'libs/orders/tsconfig.json': '{}',
  'libs/orders/src/index.ts': "export * from './lib/orders.service';\n",
  'libs/orders/src/lib/orders.service.ts':
    "import { Order } from './order.model';\nimport { refund } from '@acme/payments';\n/** Order lifecycle. */\nexport class OrdersService {\n  cancel(order: Order): void { refund(order.id); }\n}\n",
  'libs/orders/src/lib/order.model.ts': 'export interface Order { id: string; total: number }\n',
  'libs/orders/src/lib/orders.service.spec.ts': "import { OrdersService } from './orders.service';\n",
  'libs/payments/src/index.ts': "export * from './lib/refund';\n",
  'libs/payments/src/lib/refund.ts': "import { slug } from '@acme/util';\n/** Gives the money back. */\nexport function refund(paymentId: string): void {}\n",
  'libs/util/src/index.ts': "import { refund } from '@acme/payments';\nexport const slug = (text: string): string => text;\n",
  'libs/util/src/lib/strings.ts': 'export function capitalize(text: string): string { return text; }\n',
  'apps/shell/src/main.ts': "import { OrdersService } from '@acme/orders';\nnew OrdersService();\n",
  'libs/payments/src/lib/gateway.ts':
    "/** Refund gateway client. */\nexport const GATEWAY_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';\nexport function refundGateway(): void {}\n",
};

const root = writeWorkspace(FILES);
const facts = craftedFacts(root, [
  project('orders', 'libs/orders', { importPath: '@acme/orders', tags: ['scope:sales'] }),
  project('payments', 'libs/payments', { importPath: '@acme/payments' }),
  project('util', 'libs/util', { importPath: '@acme/util' }),
  project('shell', 'apps/shell', { type: 'application' }),
]);
const source = diskSource(root);
const index = indexWorkspace({ projects: facts.projects, source });
const edges = projectEdges(facts.projects, index.files.values());
const rank = (text: string, named?: string, history?: ChangeHistory) => rankWorkspace(facts.projects, index, edges, parseQuery(text), named, history);
const paths = (text: string, named?: string) => rank(text, named).files.map((f) => f.file.path);

describe('rankWorkspace', () => {
  it('takes a conventional-commit scope as the affected project and says so', () => {
    const ranking = rank('fix(payments): round refunds to the cent');
    expect(ranking.affected).toMatchObject({ name: 'payments', root: 'libs/payments', score: 1 });
    expect(ranking.affected.why).toMatch(/^the scope `payments` names it/);
  });

  it('without a scope, ranks the project whose files define what the text names', () => {
    const ranking = rank('Let OrdersService cancel an order');
    expect(ranking.affected.name).toBe('orders');
    expect(ranking.files[0]).toMatchObject({ file: { path: 'libs/orders/src/lib/orders.service.ts' }, score: 1 });
    expect(ranking.files[0].why).toMatch(/defines `OrdersService` named in the query/);
  });

  it('spreads relevance along imports: what the named file imports outranks an unrelated file', () => {
    const ranked = paths('Let OrdersService cancel an order');
    expect(ranked.indexOf('libs/orders/src/lib/order.model.ts')).toBeLessThan(ranked.indexOf('libs/util/src/lib/strings.ts'));
    expect(ranked.indexOf('libs/payments/src/lib/refund.ts')).toBeLessThan(ranked.indexOf('libs/util/src/lib/strings.ts'));
  });

  it('does not rank test files (they are the specs of the pack)', () => {
    expect(paths('OrdersService spec')).not.toContain('libs/orders/src/lib/orders.service.spec.ts');
  });

  it('prefers the files of a named project over as good matches elsewhere', () => {
    expect(rank('capitalize the OrdersService order text').files[0].file.project).not.toBe('util');
    const ranking = rank('capitalize the OrdersService order text', 'util');
    expect(ranking.affected.name).toBe('util');
    expect(ranking.files[0].file.path).toBe('libs/util/src/lib/strings.ts');
  });

  it('ranks every file even for an empty query, by its place in the import graph', () => {
    expect(paths('')).toHaveLength(index.files.size - 1);
  });
});

describe('rankWorkspace with the workspace history', () => {
  const score = (ranking: ReturnType<typeof rank>, path: string) => ranking.files.find((f) => f.file.path === path)!.score;

  it('raises a file that changed with the best match, though the text does not name it', () => {
    const history = { commits: [['libs/payments/src/lib/refund.ts', 'libs/util/src/lib/strings.ts']] };
    const text = 'round refunds to the cent';
    expect(score(rank(text, undefined, history), 'libs/util/src/lib/strings.ts')).toBeGreaterThan(score(rank(text), 'libs/util/src/lib/strings.ts'));
  });

  it('raises the files of past commits whose messages match, and says which commit', () => {
    const text = 'receipt titles shown in lower case';
    const history = { commits: [['libs/util/src/lib/strings.ts']], messages: ['fix: titles of receipts shown in lower case'] };
    expect(paths(text)[0]).not.toBe('libs/util/src/lib/strings.ts');
    const ranking = rank(text, undefined, history);
    expect(ranking.files[0].file.path).toBe('libs/util/src/lib/strings.ts');
    expect(ranking.files[0].why).toBe('changed in past work like this ("fix: titles of receipts shown in lower case")');
  });

  it('picks the project past work like this landed in, unless the text names one', () => {
    const text = 'refund gateway cancel order';
    const pastWork = {
      commits: [['libs/orders/src/lib/orders.service.ts', 'libs/orders/src/lib/order.model.ts']],
      messages: ['fix: cancelling an order calls the refund gateway twice'],
    };
    expect(rank(text).affected.name).toBe('payments');
    expect(rank(text, undefined, pastWork).affected).toMatchObject({ name: 'orders', why: expect.stringContaining('past work like this landed in it') });
    expect(rank(`fix(payments): ${text}`, undefined, pastWork).affected.name).toBe('payments');
  });

  it('counts where the work usually lands for less when the text says much itself (a PRD)', () => {
    const text = 'refund gateway cancel order';
    const toOrders = { commits: Array.from({ length: 5 }, () => ['libs/orders/src/lib/order.model.ts']) };
    const spec = `# PRD: ${text}\n\n## Requirements\n${distinctWords(100)}`;
    expect(parseQuery(spec).verbosity).toBeGreaterThan(0.5);
    expect(rank(text).affected.name).toBe('payments');
    expect(rank(text, undefined, toOrders).affected.name).toBe('orders');
    expect(rank(spec, undefined, toOrders).affected.name).toBe('payments');
  });

  it('between two projects the text matches alike, picks the one the commits land in', () => {
    const text = 'refund gateway for orders';
    const toOrders = { commits: Array.from({ length: 5 }, () => ['libs/orders/src/lib/order.model.ts']) };
    const toPayments = { commits: Array.from({ length: 5 }, () => ['libs/payments/src/lib/refund.ts']) };
    expect(rank(text, undefined, toOrders).affected.name).not.toBe(rank(text, undefined, toPayments).affected.name);
    expect(rank(text, undefined, toPayments).affected.name).toBe('payments');
  });
});

describe('buildContext on a crafted workspace', () => {
  it('notes circular project dependencies and an affected project without a tsconfig', async () => {
    const pack = await buildContext({ facts, source, index, query: 'fix(payments): round refunds' });
    expect(pack.notes).toContain('Circular project dependency: payments → util → payments.');
    expect(pack.notes).toContain('`payments` has no tsconfig*.json: its files were read by syntax alone, imports resolved through the root tsconfig.');
    expect(pack.diagram).toContain('p_payments --> p_util');
    expect(pack.diagram).toContain('p_util --> p_payments');
    expect(pack.text).toContain('## Notes');
  });

  it('masks secrets in what it shows, as the prompt would', async () => {
    const pack = await buildContext({ facts, source, index, query: 'fix(payments): refund gateway token' });
    expect(pack.files.map((f) => f.path)).toContain('libs/payments/src/lib/gateway.ts');
    expect(pack.text).toContain("GATEWAY_TOKEN = '[REDACTED:");
    expect(pack.text).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });
});

describe('rankWorkspace and hubs', () => {
  // 45 files import `a-context.ts`, which matches the text a little better than `z-context.ts`.
  const words = '/** Channel stock of the request. */\nexport const channelStock = 1;\n';
  const workspace: Record<string, string> = {
    'libs/core/src/lib/a-context.ts': `${words}/** The stock of the channel. */\nexport const stock = channelStock;\n`,
    'libs/core/src/lib/z-context.ts': words,
  };
  for (let n = 0; n < 45; n++) workspace[`libs/core/src/lib/user-${n}.ts`] = `import './a-context';\nexport const v${n} = ${n};\n`;
  const hubRoot = writeWorkspace(workspace);
  const hubFacts = craftedFacts(hubRoot, [project('core', 'libs/core')]);
  const hubIndex = indexWorkspace({ projects: hubFacts.projects, source: diskSource(hubRoot) });
  const ranked = (text: string) => rankWorkspace(hubFacts.projects, hubIndex, projectEdges(hubFacts.projects, hubIndex.files.values()), parseQuery(text)).files;
  const rankOf = (files: ScoredFile[], path: string) => files.findIndex((f) => f.file.path === path);

  it('ranks a file most files import below one the text matches about as well', () => {
    const files = ranked('Show the channel stock per channel');
    expect(rankOf(files, 'libs/core/src/lib/z-context.ts')).toBeLessThan(rankOf(files, 'libs/core/src/lib/a-context.ts'));
  });

  it('says why it ranked a hub down', () => {
    const files = ranked('Show the channel stock');
    expect(files[rankOf(files, 'libs/core/src/lib/a-context.ts')].why).toMatch(/; ranked down as a hub \(45 files import it\)$/);
  });
});

describe('rankWorkspace and catalogues of types', () => {
  // Option interfaces whose doc comments name everything they configure, padded past 5 KB by other options.
  const options = (padding: number) =>
    [
      '/** Options of the shop. */',
      'export interface ShopOptions {',
      '  /** How the tax zone of an order is found: the tax zone strategy picks the zone per channel. */',
      '  taxZoneStrategy: TaxZoneStrategy;',
      ...Array.from(
        { length: padding },
        (_, n) => `  /** Option number ${n} of the shop, documented at length as option interfaces are. */\n  option${n}: string;`,
      ),
      '}',
      'export interface TaxZoneStrategy { zoneFor(channel: string): string }',
      '',
    ].join('\n');
  const service =
    'export class OrderTaxService {\n  /** The tax zone of the order. */\n  zoneOf(order: { channel: string }): string { return order.channel; }\n}\n';
  const rankFor = (padding: number) => {
    const root = writeWorkspace({ 'libs/core/src/config/shop-options.ts': options(padding), 'libs/core/src/tax/order-tax.service.ts': service });
    const projects = craftedFacts(root, [project('core', 'libs/core')]).projects;
    const index = indexWorkspace({ projects, source: diskSource(root) });
    return rankWorkspace(projects, index, projectEdges(projects, index.files.values()), parseQuery('Find the tax zone of an order per channel')).files;
  };

  it('ranks a large file of types only below code the text matches less', () => {
    const files = rankFor(60);
    expect(files.map((f) => f.file.path)).toEqual(['libs/core/src/tax/order-tax.service.ts', 'libs/core/src/config/shop-options.ts']);
    expect(files[1].why).toMatch(/ranked down as a catalogue of types \(\d+ KB of declarations only\)$/);
  });

  it('leaves a small file of types where its match puts it: a feature adds to its own types', () => {
    expect(rankFor(0)[0].file.path).toBe('libs/core/src/config/shop-options.ts');
  });
});

describe('rankWorkspace and data shapes', () => {
  const shapeRoot = writeWorkspace({
    'libs/core/src/notification/notification.entity.ts':
      '/** A notification of an organization. */\nexport class NotificationEntity { organization: string; digest: boolean; createdAt: Date }\n',
    'libs/core/src/notification/notification.service.ts':
      "import { NotificationEntity } from './notification.entity';\nexport class NotificationService {\n  /** Sends the digest. */\n  send(notification: NotificationEntity): void {}\n}\n",
  });
  const shapeFacts = craftedFacts(shapeRoot, [project('core', 'libs/core')]);
  const shapeIndex = indexWorkspace({ projects: shapeFacts.projects, source: diskSource(shapeRoot) });
  const ranked = rankWorkspace(
    shapeFacts.projects,
    shapeIndex,
    projectEdges(shapeFacts.projects, shapeIndex.files.values()),
    parseQuery('Send a digest of the notifications of an organization created since a given date'),
  ).files;

  it('ranks an entity the text matches best below the code that uses it, and says why', () => {
    expect(ranked.map((f) => f.file.path)).toEqual(['libs/core/src/notification/notification.service.ts', 'libs/core/src/notification/notification.entity.ts']);
    expect(ranked[1].why).toMatch(/ranked down as a data shape \(an entity: the work reads it\)$/);
  });
});

describe('rankWorkspace and the non-goals of a PRD', () => {
  const crafted = writeWorkspace({
    'apps/dashboard/src/list/list-filter.tsx': 'export function ListFilter() { /* AND and OR groups of conditions */ }\n',
    'apps/dashboard/src/list/list-page.tsx': 'export function ListPage() {}\n',
    'libs/core/src/list/list-filter-builder.ts': 'export class ListFilterBuilder { /** AND and OR groups of conditions. */ build() {} }\n',
    'libs/core/src/orders/order.service.ts': 'export class OrderService { place() {} }\n',
    'libs/core/src/orders/order.entity.ts': 'export class Order { id = 1; }\n',
  });
  const projects = craftedFacts(crafted, [project('dashboard', 'apps/dashboard', { type: 'application' }), project('core', 'libs/core')]).projects;
  const craftedIndex = indexWorkspace({ projects, source: diskSource(crafted) });
  const rankFor = (text: string) => rankWorkspace(projects, craftedIndex, projectEdges(projects, craftedIndex.files.values()), parseQuery(text));
  const prd = (nonGoals: string) =>
    [
      '# PRD: Correct AND/OR list filters',
      '',
      '## Non-goals',
      nonGoals,
      '',
      '## Requirements',
      '- AND and OR groups of list filter conditions give correct results.',
    ].join('\n');

  it("ranks down the files whose path names what only the non-goals speak of (the dashboard's filter UI)", () => {
    expect(rankFor(prd('- Changing the sorting of lists.')).affected.name).toBe('dashboard');
    const ranked = rankFor(prd("- A switch in the admin dashboard's filter UI."));
    expect(ranked.affected.name).toBe('core');
    expect(ranked.files[0].file.path).toBe('libs/core/src/list/list-filter-builder.ts');
  });

  it('reads nothing into a word most paths hold (`src`, `packages`): it tells no code apart', () => {
    const ranked = rankFor(prd('- No new src folders.'));
    expect(ranked.affected.name).toBe('dashboard');
  });
});

describe('rankWorkspace and files that match only by their folder', () => {
  const page = (name: string) => `import { withEnv } from '../lib/with-env';\nexport default function ${name}() {\n  return withEnv(null);\n}\n`;
  const folderRoot = writeWorkspace({
    'apps/web/src/pages/account.tsx': page('Account'),
    'apps/web/src/pages/design.tsx': page('Design'),
    'apps/web/src/pages/invite.tsx': page('Invite'),
    'apps/web/src/pages/settings.tsx': page('Settings'),
    'apps/web/src/pages/space.tsx': page('Space'),
    'apps/web/src/lib/with-env.ts': '/** Reads the settings of the runtime. */\nexport function withEnv<T>(value: T): T {\n  return value;\n}\n',
    'libs/billing/src/invoice.ts': 'export function invoiceTotal(): number {\n  return 0;\n}\n',
    'libs/billing/src/plan.ts': 'export function planPrice(): number {\n  return 0;\n}\n',
    'libs/billing/src/refund.ts': 'export function refundAmount(): number {\n  return 0;\n}\n',
    // A secondary entry point: a folder with its own barrel is a module, whose name its features' work spans.
    'libs/billing/events/index.ts': "export * from './src/emit';\nexport * from './src/listen';\nexport * from './src/queue';\n",
    'libs/billing/events/src/emit.ts': 'export function emit(): void {}\n',
    'libs/billing/events/src/listen.ts': 'export function listen(): void {}\n',
    'libs/billing/events/src/queue.ts': 'export function enqueue(): void {}\n',
  });
  const folderFacts = craftedFacts(folderRoot, [project('web', 'apps/web', { type: 'application' }), project('billing', 'libs/billing')]);
  const folderIndex = indexWorkspace({ projects: folderFacts.projects, source: diskSource(folderRoot) });
  const ranked = (text: string) =>
    rankWorkspace(folderFacts.projects, folderIndex, projectEdges(folderFacts.projects, folderIndex.files.values()), parseQuery(text)).files;
  const down = /ranked down: only its folder matches, as for files above it$/;

  it('ranks down the third and later files matched only by the same folder name, and says why', () => {
    const files = ranked('fix: login page env error');
    const pages = files.filter((f) => f.file.path.includes('/pages/'));
    expect(pages.map((f) => down.test(f.why))).toEqual([false, false, true, true, true]);
    expect(files.findIndex((f) => f.file.path === 'apps/web/src/lib/with-env.ts')).toBeLessThan(3);
  });

  it("leaves alone the files matched by their module's own folder: that names the module", () => {
    expect(ranked('billing: round every amount').some((f) => down.test(f.why))).toBe(false);
    expect(ranked('Scoped events for every subscriber').some((f) => down.test(f.why))).toBe(false);
  });
});
