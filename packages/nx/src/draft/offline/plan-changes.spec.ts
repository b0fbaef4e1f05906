import { indexWorkspace } from '../../code/index-workspace';
import { buildContext } from '../../context/build-context';
import { craftedFacts, project, writeWorkspace } from '../../test-utils/crafted-workspace';
import { diskSource } from '../../utils/file-source';
import { loadExampleWorkspace, type LoadedWorkspace } from '../../test-utils/example-workspace';
import type { Requirement } from '../../templates/plan-data';
import type { ProjectFact } from '../../workspace/types';
import { CodeMap } from './code-map';
import { readMentions, type MentionRole } from './mentions';
import { planChanges } from './plan-changes';

let workspace: LoadedWorkspace;
let code: CodeMap;

beforeAll(async () => {
  workspace = await loadExampleWorkspace();
  code = new CodeMap(indexWorkspace({ projects: workspace.facts.projects, source: workspace.source }), workspace.facts, workspace.source);
});

function requirement(text: string, extra: Partial<Requirement> = {}): Requirement {
  return { id: 'R1', text, source: 'PRD.md:1', kind: 'requirement', area: 'backend', ...extra };
}

/** A requirement a spec states under its heading (not a sentence of a free description). */
function stated(text: string, id = 'R1'): Requirement {
  return requirement(text, { id, section: 'Functional requirements' });
}

/** Every file of a crafted code map as the ranking would give it, best first in index order, on its path's match of `word`. */
function rankedInIndexOrder(crafted: CodeMap, word: string) {
  return [...crafted.index.files.values()].map((file, i) => ({
    path: file.path,
    project: file.project,
    role: file.role,
    score: 1 - i / 10,
    why: `its path or declarations match "${word}"`,
    symbols: [],
    tokens: 10,
  }));
}

/** A code map of an api project with an order service and a refund policy, and these other files. */
function ordersAndRefunds(others: Record<string, string>): CodeMap {
  const files = {
    'libs/api/src/order/order.service.ts': 'export class OrderService { orderLines() { return []; } }\n',
    'libs/api/src/refund/refund-policy.ts': 'export function refundLimit(limit: number) { return limit; }\n',
    ...others,
  };
  return craftedCodeMap(files, [project('api', 'libs/api')]);
}

/** Some of a code map's files, ranked with these scores (best first) on lexical evidence for `word`. */
function rankedWith(crafted: CodeMap, word: string, scores: Array<[path: string, score: number]>) {
  const found = rankedInIndexOrder(crafted, word);
  return scores.map(([path, score]) => ({ ...found.find((f) => f.path === path)!, score }));
}

/** The context engine's ranking of a code map's files for a text: what the drafter is given with it. */
async function engineRanking(map: CodeMap, text: string) {
  const pack = await buildContext({ facts: map.facts, source: diskSource(map.facts.root), index: map.index, query: text, history: { commits: [] } });
  return pack.files;
}

/** The code map of a small workspace written to disk: its files, and the projects holding them. */
function craftedCodeMap(files: Record<string, string>, projects: ProjectFact[]): CodeMap {
  const root = writeWorkspace(files);
  const facts = craftedFacts(root, projects);
  const source = diskSource(root);
  return new CodeMap(indexWorkspace({ projects: facts.projects, source }), facts, source);
}

describe('readMentions: what a mention means in its sentence', () => {
  it.each<[string, string, MentionRole]>([
    ['It must not use `formatMoney`, which adds currency symbols.', 'formatMoney', 'avoid'],
    ['Amounts are rendered with `toDecimalString` from `@shop/shared-util`.', 'toDecimalString', 'reuse'],
    ['Measure it with `rangeLengthInDays` from `@shop/shared-util`.', 'rangeLengthInDays', 'reuse'],
    ['`OrdersPage` must show an "Export CSV" button (the `Button` from `@shop/web-ui`).', 'OrdersPage', 'target'],
    ['`OrdersPage` must show an "Export CSV" button (the `Button` from `@shop/web-ui`).', 'Button', 'reuse'],
    ['The API must expose `GET /api/orders/export` on `OrdersController`.', 'OrdersController', 'target'],
    ['Staff get `403` from `RolesGuard`.', 'RolesGuard', 'reuse'],
    ['Validated by the same `ListOrdersQueryDto` rules.', 'ListOrdersQueryDto', 'reuse'],
    ['The filter logic (today the private `OrdersService.filteredQuery`) must be shared.', 'OrdersService.filteredQuery', 'target'],
    ['Scheduled exports are out of scope; `NotificationsQueue` already sends mail.', 'NotificationsQueue', 'context'],
    ['A helper, for example `toCsvRow(values)`.', 'toCsvRow', 'target'],
  ])('%s → %s is %s', (text, name, role) => {
    const mention = readMentions(text, code).find((m) => m.text === name);
    expect(mention?.role).toBe(role);
  });

  it.each([
    ['`ordersApi.exportCsv(filters)`', 'new'],
    ['`useExportOrders()`', 'new'],
    ['`OrdersService.filteredQuery`', 'symbol'],
    ['`GET /api/orders/export`', 'route'],
    ['`@shop/shared-util`', 'project'],
    ['`apps/api/src/main.ts`', 'file'],
  ])('%s resolves to a %s', (text, kind) => {
    expect(readMentions(`Use ${text}.`, code)[0]?.resolved.kind).toBe(kind);
  });

  it.each(['`customerId`', '`ValidationPipe`', '`placed_at`', '`text/csv; charset=utf-8`', '`422`', '`lines=true`'])(
    '%s is not new code: it is written in the workspace already, or it is data',
    (text) => {
      expect(readMentions(`Use ${text}.`, code).filter((m) => m.resolved.kind === 'new')).toEqual([]);
    },
  );

  it('finds the existing route a path names, whatever the global prefix', () => {
    const [mention] = readMentions('Shadowed by `GET /api/orders/:id`.', code);
    expect(mention.resolved).toMatchObject({ kind: 'route', existing: { file: 'apps/api/src/app/orders/orders.controller.ts', handler: 'get' } });
  });
});

describe('planChanges on a file a tool writes', () => {
  it('regenerates it from its source: never an edit by hand, nor a spec of its own', () => {
    const crafted = craftedCodeMap(
      {
        'libs/api/src/generated-types.ts': '/* eslint-disable */\nexport type ArchiveInvoiceInput = { invoiceId: string };\n',
        'libs/api/src/invoices.service.ts': 'export class InvoicesService { archive(): void {} }\n',
      },
      [project('api', 'libs/api')],
    );
    const plan = planChanges([requirement('`ArchiveInvoiceInput` must carry the reason.')], crafted, crafted.facts.projects.api);
    expect(plan.changes.map((c) => [c.path, c.action])).toEqual([
      ['libs/api/src/generated-types.ts', 'Regenerate `generated-types.ts` from its changed source (a tool writes it: do not edit it by hand)'],
    ]);
  });
});

describe('planChanges on the data shapes the ranking finds', () => {
  const planFor = (text: string, serviceImports = "import { StockLevel } from './stock-level.entity';\n") => {
    const crafted = craftedCodeMap(
      {
        'libs/api/src/stock/stock-level.entity.ts': '@Entity() export class StockLevel { channelId!: string; stockOnHand!: number; }\n',
        'libs/api/src/stock/stock.service.ts': `${serviceImports}export class StockService { inStock(variantId: string): boolean { return true; } }\n`,
      },
      [project('api', 'libs/api')],
    );
    const ranked = rankedInIndexOrder(crafted, 'stock');
    return planChanges([requirement(text)], crafted, crafted.facts.projects.api, ranked);
  };

  it('reads an entity the work uses: it is reused, and the change names it, rather than changed', () => {
    const plan = planFor('Search results show a product as in stock for the channel it is searched in.');
    expect(plan.changes.map((c) => c.path)).toEqual(['libs/api/src/stock/stock.service.ts']);
    expect(plan.changes[0].uses).toEqual(['`StockLevel` (`libs/api/src/stock/stock-level.entity.ts`)']);
    expect(plan.reuse).toEqual([{ name: 'StockLevel', path: 'libs/api/src/stock/stock-level.entity.ts', requirements: ['R1'] }]);
  });

  it('names one no change imports to read, not as used: it only shares a word with the text', () => {
    const plan = planFor('Search results show a product as in stock for the channel it is searched in.', '');
    expect(plan.changes[0].uses).toEqual([]);
    expect(plan.reuse).toEqual([]);
    expect(plan.read).toEqual([{ path: 'libs/api/src/stock/stock-level.entity.ts', requirement: 'R1' }]);
  });

  it('places a requirement no file is found for with the change to the file that uses the data shape found for it', () => {
    const entity = '@Entity() export class StockLevel { channelId!: string; stockOnHand!: number; }\n';
    const searchService = 'export class SearchService { results(term: string): string[] { return []; } }\n';
    const planWith = (imports: string, staleText = 'Stale stock levels loaded before the update must not be written back.') => {
      const crafted = craftedCodeMap(
        { 'libs/api/src/stock/stock-level.entity.ts': entity, 'libs/api/src/search/search.service.ts': `${imports}${searchService}` },
        [project('api', 'libs/api')],
      );
      // The service found surely, the entity below it.
      const found = rankedInIndexOrder(crafted, 'stock');
      const ranked = [
        { ...found.find((f) => f.path.endsWith('search.service.ts'))!, score: 1 },
        { ...found.find((f) => f.path.endsWith('stock-level.entity.ts'))!, score: 0.5 },
      ];
      const shown = requirement('Search results show the product for the channel it is searched in.', { id: 'FR1' });
      const stale = requirement(staleText, { id: 'FR2' });
      return planChanges([shown, stale], crafted, crafted.facts.projects.api, ranked);
    };
    const plan = planWith("import { StockLevel } from '../stock/stock-level.entity';\n");
    expect(plan.changes.filter((c) => c.role !== 'test').map((c) => [c.path, c.requirements.map((r) => r.id), c.uses])).toEqual([
      ['libs/api/src/search/search.service.ts', ['FR1', 'FR2'], ['`StockLevel` (`libs/api/src/stock/stock-level.entity.ts`)']],
    ]);
    expect(plan.questions).toEqual([]);
    // A service that does not use the shape is no place for it: the requirement waits for its place.
    const apart = planWith('');
    expect(apart.changes.find((c) => c.path === 'libs/api/src/search/search.service.ts')?.requirements.map((r) => r.id)).toEqual(['FR1']);
    expect(apart.questions.some((q) => q.includes('FR2'))).toBe(true);
    // Nor is a server's service the place of a requirement that speaks of the screen.
    const onScreen = planWith(
      "import { StockLevel } from '../stock/stock-level.entity';\n",
      'Stale stock levels on the page are scrolled away on a small screen.',
    );
    expect(onScreen.changes.find((c) => c.path === 'libs/api/src/search/search.service.ts')?.requirements.map((r) => r.id)).toEqual(['FR1']);
  });

  it('changes it when the inputs ask to store new data', () => {
    const plan = planFor('Stock must be stored per channel, so search shows a product as in stock for its channel.');
    expect(plan.changes.map((c) => c.path)).toContain('libs/api/src/stock/stock-level.entity.ts');
  });
});

describe('planChanges on the files a tax feature spells out or the ranking finds', () => {
  const planFor = async (text: string, nonGoals: string[] = [], { retrieved = true } = {}) => {
    const crafted = craftedCodeMap(
      {
        'libs/api/src/tax/tax-zone-cache.ts': 'export class TaxZoneCache { zoneFor(channelId: string) { return channelId; } }\n',
        'libs/api/src/tax/tax-zone-strategy.ts': 'export interface TaxZoneStrategy { determineTaxZone(channelId: string): string; }\n',
        'libs/api/src/tax/default-tax-zone-strategy.ts': 'export class DefaultTaxZoneStrategy { determineTaxZone(channelId: string) { return channelId; } }\n',
        'libs/api/src/channel/use-channel.ts': 'export function useChannel() { return "default"; }\n',
      },
      [project('api', 'libs/api')],
    );
    return planChanges(
      [requirement(text)],
      crafted,
      crafted.facts.projects.api,
      retrieved ? await engineRanking(crafted, text) : [],
      nonGoals.map((t) => ({ text: t, source: 'PRD.md:9' })),
    );
  };
  const changed = (plan: Awaited<ReturnType<typeof planFor>>) => plan.changes.filter((c) => c.area !== 'testing').map((c) => c.path);

  it('uses, rather than changes, a file the text names after "via" or "using"', async () => {
    const plan = await planFor('A channel without a cached zone gets one via the configured tax zone strategy, and the zone cache keeps it per channel.');
    expect(changed(plan)).not.toContain('libs/api/src/tax/tax-zone-strategy.ts');
    expect(plan.reuse.map((r) => r.path)).toContain('libs/api/src/tax/tax-zone-strategy.ts');
    expect(changed(plan)).toContain('libs/api/src/tax/tax-zone-cache.ts');
  });

  it('uses, rather than changes, a found class that implements what the text says is used', async () => {
    const text = 'A channel without a cached zone gets its zone via the configured tax zone strategy.';
    const planWith = async (heritage: string) => {
      const crafted = craftedCodeMap(
        {
          'libs/api/src/tax/tax-zone-strategy.ts': 'export interface TaxZoneStrategy { determineTaxZone(channelId: string): string; }\n',
          'libs/api/src/tax/address-tax-zone-strategy.ts': `import { TaxZoneStrategy } from './tax-zone-strategy';\nexport class AddressTaxZoneStrategy ${heritage}{ determineTaxZone(channelId: string) { return channelId; } }\n`,
        },
        [project('api', 'libs/api')],
      );
      return planChanges([requirement(text)], crafted, crafted.facts.projects.api, await engineRanking(crafted, text));
    };
    const implementing = await planWith('implements TaxZoneStrategy ');
    expect(implementing.changes.map((c) => c.path)).not.toContain('libs/api/src/tax/address-tax-zone-strategy.ts');
    expect(implementing.reuse.map((r) => r.name).sort()).toEqual(['AddressTaxZoneStrategy', 'TaxZoneStrategy']);
    // A class of the same words that implements nothing the text uses is the ranking's to change.
    expect((await planWith('')).changes.map((c) => c.path)).toContain('libs/api/src/tax/address-tax-zone-strategy.ts');
  });

  it('forbids, rather than changes, a file the text says not to use', async () => {
    const plan = await planFor('The tax zone cache must not use the default tax zone strategy.', [], { retrieved: false });
    expect(changed(plan)).not.toContain('libs/api/src/tax/default-tax-zone-strategy.ts');
    expect(plan.avoid.map((a) => a.path)).toContain('libs/api/src/tax/default-tax-zone-strategy.ts');
  });

  it('changes a file the text names as the place of the work', async () => {
    expect(changed(await planFor('The tax zone strategy must return a zone per channel.'))).toContain('libs/api/src/tax/tax-zone-strategy.ts');
  });

  it('adds a spec beside a changed file that runs something, none beside one that only declares types', async () => {
    const specs = async (text: string) => (await planFor(text)).changes.filter((c) => c.area === 'testing').map((c) => c.path);
    expect(await specs('The tax zone strategy must return a zone per channel.')).toEqual([]);
    expect(await specs('The tax zone cache must keep a zone per channel.')).toEqual(['libs/api/src/tax/tax-zone-cache.spec.ts']);
  });

  it('leaves a found file a non-goal spells out, and says so; the file a requirement spells stays', async () => {
    const plan = await planFor('The tax zone cache keeps one zone per channel.', [
      'Changing the default tax zone strategy.',
      'Changing how the tax zone cache expires.',
    ]);
    expect(changed(plan)).not.toContain('libs/api/src/tax/default-tax-zone-strategy.ts');
    expect(plan.outOfScope.map((o) => o.name).sort()).toEqual(['DefaultTaxZoneStrategy', 'TaxZoneStrategy']);
    expect(changed(plan)).toContain('libs/api/src/tax/tax-zone-cache.ts');
  });

  it.each([
    ['out of scope', 'says its name words in another order', 'Changing when the cache of tax zones expires.'],
    ['kept', 'names it only by negation ("non-tax")', 'Changing the zone caches of non-tax rules.'],
  ])('a found file is %s when a non-goal %s', async (outcome, _, nonGoal) => {
    const plan = await planFor('Each channel keeps the zone it was given.', [nonGoal]);
    const cache = 'libs/api/src/tax/tax-zone-cache.ts';
    const found = changed(plan).includes(cache) || plan.read.some((r) => r.path === cache);
    expect(plan.outOfScope.some((o) => o.name === 'TaxZoneCache') ? 'out of scope' : found ? 'kept' : 'absent').toBe(outcome);
    // The requirement it would have served is placed elsewhere or asked about, never lost.
    expect(plan.changes.some((c) => c.requirements.some((r) => r.id === 'R1'))).toBe(true);
  });

  it.each([
    ['out of scope', 'Changing coupons during an order modification.'],
    ['out of scope', 'Order modifying tools.'],
    ['kept', 'Changing the order modal.'],
  ])('a found file is %s when a non-goal says its name as "%s"', async (outcome, nonGoal) => {
    const crafted = craftedCodeMap(
      {
        'libs/api/src/tax/tax-zone-cache.ts': 'export class TaxZoneCache { zoneFor(channelId: string) { return channelId; } }\n',
        'libs/api/src/order/order-modifier.ts': 'export class OrderModifier { modifyOrder(orderId: string) { return orderId; } }\n',
      },
      [project('api', 'libs/api')],
    );
    const text = 'Orders keep the tax zone cached for their channel, and an admin order edit recalculates it.';
    const plan = planChanges([requirement(text)], crafted, crafted.facts.projects.api, await engineRanking(crafted, text), [
      { text: nonGoal, source: 'PRD.md:9' },
    ]);
    expect(plan.outOfScope.some((o) => o.name === 'OrderModifier') ? 'out of scope' : 'kept').toBe(outcome);
  });

  it('names a file a non-goal leaves out by what it is for, not by the props declared before it', async () => {
    const crafted = craftedCodeMap(
      {
        'libs/api/src/tax/tax-zone-cache.ts': 'export class TaxZoneCache { zoneFor(channelId: string) { return channelId; } }\n',
        'libs/api/src/tax/tax-zone-list-page.tsx':
          'export interface TaxZoneListPageProps { zones: string[] }\nexport function TaxZoneListPage(props: TaxZoneListPageProps) { return props.zones.join(); }\n',
      },
      [project('api', 'libs/api')],
    );
    const text = 'The tax zone cache keeps one zone per channel.';
    const plan = planChanges([requirement(text)], crafted, crafted.facts.projects.api, await engineRanking(crafted, text), [
      { text: 'Paginating the tax zone list page.', source: 'PRD.md:9' },
    ]);
    expect(plan.outOfScope.map((o) => o.name)).toEqual(['TaxZoneListPage']);
  });

  it('never reads a React hook\'s `use` as a word the text spells ("the channel used before")', async () => {
    const plan = await planFor('Switching back to a previously used channel reuses its zone.', [], { retrieved: false });
    expect(changed(plan)).not.toContain('libs/api/src/channel/use-channel.ts');
  });
});

describe('planChanges: the requirement a found file serves', () => {
  it.each([
    [
      'the one sharing its most telling words (its members included), not the longest',
      'libs/api/src/orders/order-address.service.ts',
      'export class OrderAddressService { setShippingAddress(orderId: string) { return orderId; } setBillingAddress(orderId: string) { return orderId; } }\n',
      'Order totals of every order, and of each order line of the order, are recalculated for the order channel.',
      'Setting the shipping address of an order clears the cached zone.',
    ],
    [
      'one naming what the file is named for, over one sharing as telling a word with a member only',
      'libs/api/src/posts/posts.service.ts',
      'export class PostsService { createPost(body: string) { return body; } getPostsByTime(since: string) { return [since]; } }\n',
      'A way to read the notifications created since a given time.',
      'Publishing a post sends a digested notification.',
    ],
    [
      'one saying its verb in an irregular past form ("is sent" for `sendEmail`)',
      'libs/api/src/notifications/notification.service.ts',
      'export class NotificationService { sendEmail(to: string) { return to; } }\n',
      'Each email address is checked.',
      'No email is sent while the digest is open.',
    ],
    [
      'one saying what the file does, over one naming another project as where its work runs ("the workers app")',
      'libs/api/src/inbox/inbox.service.ts',
      'export class InboxService { inAppNotification(to: string) { return to; } }\n',
      'The digest job runs in the workers app.',
      'A notification is digested.',
    ],
  ])('is %s', (_, path, text, first, second) => {
    const crafted = craftedCodeMap({ [path]: text }, [project('api', 'libs/api'), project('workers', 'apps/workers')]);
    const [fr1, fr2] = [requirement(first, { id: 'FR1' }), requirement(second, { id: 'FR2' })];
    const plan = planChanges([fr1, fr2], crafted, crafted.facts.projects.api, rankedInIndexOrder(crafted, 'order'));
    // The first it serves (the other, with no file of its own, may join it: the only file its words lead to).
    expect(plan.changes.find((c) => c.path === path)?.requirements[0].id).toBe('FR2');
  });

  it.each([
    ['libs/api/src/collaborator/collaborator.service.ts', 'export class CollaboratorService { listOrderedBySpace(spaceId: string) { return [spaceId]; } }\n'],
    // Its name read for what it is about, not its function words: `get` is in no requirement's words.
    ['libs/api/src/collaborator/collaborator-get-list.ts', 'export function collaboratorGetList(spaceId: string) { return [spaceId]; }\n'],
  ])('takes with it the others that name what %s is named for and share about as many telling words', (path, text) => {
    // The dashboards' code is there, not found by the ranking.
    const dashboards = {
      'libs/api/src/dashboard/dashboard.service.ts': 'export class DashboardService { listDashboards(spaceId: string) { return [spaceId]; } }\n',
    };
    const crafted = craftedCodeMap({ [path]: text, ...dashboards }, [project('api', 'libs/api')]);
    const fr1 = requirement('The collaborator list of a space is ordered by join time.', { id: 'FR1' });
    const fr2 = requirement('Each space collaborator list puts the oldest collaborator first.', { id: 'FR2' });
    // As many telling words shared as FR2 (list, space, ordered), but not the collaborators the file is for.
    const fr3 = requirement('The dashboard list of a space is ordered by creation time.', { id: 'FR3' });
    const ranked = rankedInIndexOrder(crafted, 'collaborator').filter((f) => f.path === path);
    const plan = planChanges([fr1, fr2, fr3], crafted, crafted.facts.projects.api, ranked);
    const change = plan.changes.find((c) => c.path === path);
    expect(change?.requirements.map((r) => r.id)).toEqual(['FR1', 'FR2']);
    expect(plan.questions.join('\n')).toMatch(/FR3/);
  });
});

describe('planChanges and a project the text names as where work runs', () => {
  const crafted = craftedCodeMap(
    {
      'libs/core/src/notifications/notification.service.ts':
        'export class NotificationService { send(organization: string) { return organization; } digest(organization: string) { return organization; } }\n',
      'libs/core/src/a/b/c/digest-delay.ts': 'export const digestDelay = 60;\n',
      'libs/core/src/a/b/c/digest-job.ts': 'export const digestJob = 1;\n',
      'libs/core/src/a/b/c/job-runs.ts': 'export const jobRuns = 1;\n',
      'apps/workers/src/app/posts.controller.ts': 'export class PostsController { post(id: string) { return id; } }\n',
      'plugins/chart/src/chart.ts': 'export const chart = 1;\n',
    },
    [project('core', 'libs/core'), project('workers', 'apps/workers', { type: 'application' }), project('@acme/plugin-chart', 'plugins/chart')],
  );

  it.each([
    ['The delayed job runs in the workers app and sends the digest.', ['workers'], 'The delayed job runs in the workers and sends the digest.'],
    ['The chart plugin shows the digest.', ['@acme/plugin-chart'], 'The chart shows the digest.'],
    ['Workers are paid per digest; the core of the feature is the digest.', [], 'Workers are paid per digest; the core of the feature is the digest.'],
  ])('reads "%s" as naming %j, and what it says of the work without them', (text, names, rest) => {
    expect(crafted.projectsNamedIn(text).map((p) => p.name)).toEqual(names);
    expect(crafted.withoutProjectKinds(text)).toBe(rest);
  });

  it('places the requirement in that project too, asking where, with no code of another project as its closest', () => {
    // In index order the service comes fourth: found, but not surely, so named to read for FR1, whose words it shares.
    const ranked = rankedInIndexOrder(crafted, 'notification').filter((f) => f.project === 'core');
    const runs = requirement('The delayed job runs in the workers app and sends the digest of the notifications of an organization.', { id: 'FR1' });
    const digest = requirement('Notifications of an organization are sent as a digest.', { id: 'FR2' });
    const plan = planChanges([runs, digest], crafted, crafted.facts.projects.core, ranked);
    expect(plan.changes.find((c) => c.project === 'workers')?.requirements.map((r) => r.id)).toEqual(['FR1']);
    expect(plan.questions.find((q) => q.includes('`workers`'))).toMatch(
      /^Where in `workers` does FR1 belong .*No code it names or implies matches it clearly\./,
    );
  });
});

describe('planChanges: the named things the inputs rely on', () => {
  const map = () =>
    craftedCodeMap(
      {
        'apps/web/src/features/space-setting/collaborator/CollaboratorPage.tsx': 'export function CollaboratorPage() { return null; }\n',
        'apps/web/src/features/space/SpacePage.tsx': 'export function SpacePage() { return null; }\n',
      },
      [project('web', 'apps/web', { type: 'application' })],
    );
  const unknown = (text: string) => {
    const crafted = map();
    const plan = planChanges([requirement(text, { area: 'frontend' })], crafted, crafted.facts.projects.web, []);
    return plan.questions.filter((q) => q.includes('nothing in the workspace is named so')).map((q) => q.match(/"([^"]+)"/)![1]);
  };

  it('asks whether a page nothing is named after is new work', () => {
    expect(unknown('The billing reports page shows the totals.')).toEqual(['billing reports page']);
  });

  it('finds one whose words are in the folders of its path within the project ("settings collaborators page")', () => {
    expect(unknown('The settings Collaborators page lists the members.')).toEqual([]);
  });

  it('reads no name across a function word ("fit on screen")', () => {
    expect(unknown('Long tables fit on screen without overflowing the screen.')).toEqual([]);
  });
});

describe('planChanges: how sure a file must be to change', () => {
  const files = {
    'libs/api/src/export/export.service.ts': 'export class ExportService { exportCsv(viewId: string) { return viewId; } }\n',
    'libs/api/src/view/view.service.ts': 'export class ViewService { columnsOf(viewId: string) { return [viewId]; } }\n',
    'libs/api/src/field/field.service.ts': 'export class FieldService { visibleFields(viewId: string) { return [viewId]; } }\n',
    'libs/api/src/record/record.service.ts': 'export class RecordService { recordsOf(viewId: string) { return [viewId]; } }\n',
    'libs/api/src/shipping/shipping-line.entity.ts': 'export class ShippingLine { price = 0; }\n',
  };
  const crafted = () => craftedCodeMap(files, [project('api', 'libs/api')]);
  const changed = (plan: ReturnType<typeof planChanges>) => plan.changes.filter((c) => c.area !== 'testing' && c.path).map((c) => c.path);

  it("changes the engine's first close files and names the others for reading, pointing the question at them", () => {
    const map = crafted();
    // All close to the best: the fourth and fifth are found, but not surely.
    const ranked = rankedInIndexOrder(map, 'view').map((f, i) => ({ ...f, score: 1 - i / 100 }));
    const fr1 = requirement('When a view is exported, the export contains only the visible fields of the view.', { id: 'FR1' });
    const fr2 = requirement('Records of the view keep their order in the file.', { id: 'FR2' });
    const plan = planChanges([fr1, fr2], map, map.facts.projects.api, ranked);
    expect(changed(plan)).toEqual(
      ranked
        .slice(0, 3)
        .map((f) => f.path)
        .filter((p) => changed(plan).includes(p)),
    );
    expect(changed(plan).length).toBeGreaterThan(0);
    expect(plan.read.map((r) => r.path)).toEqual(
      expect.arrayContaining(
        ranked
          .slice(3)
          .map((f) => f.path)
          .filter((p) => !p.endsWith('.entity.ts')),
      ),
    );
    for (const { path, requirement: id } of plan.read) {
      if (!id) continue;
      if (!plan.changes.some((c) => c.requirements.some((r) => r.id === id)) || plan.questions.some((q) => q.includes(id))) {
        expect(plan.questions.find((q) => q.includes(`does ${id} belong`))).toContain(`\`${path}\``);
      }
    }
  });

  it('names a found file that shares no word with any requirement to read for none of them, and points no question at it', () => {
    const wiring = 'libs/api/src/database/database.module.ts';
    const map = craftedCodeMap({ ...files, [wiring]: 'export class DatabaseModule {}\n' }, [project('api', 'libs/api')]);
    // The first three serve FR2 (surely found); the wiring module, close but not surely found, shares no word with either.
    const order = ['view/view.service.ts', 'record/record.service.ts', 'field/field.service.ts', 'database/database.module.ts'];
    const ranked = order.map((name, i) => ({ ...rankedInIndexOrder(map, 'view').find((f) => f.path === `libs/api/src/${name}`)!, score: 1 - i / 100 }));
    // FR1 shares no word with any file: a file sharing none falls to it, the first, and it waits for its place.
    const fr1 = requirement('A banner warns before the session ends.', { id: 'FR1' });
    const fr2 = requirement('Records of the view keep their visible fields and columns.', { id: 'FR2' });
    const plan = planChanges([fr1, fr2], map, map.facts.projects.api, ranked);
    expect(plan.read).toEqual([{ path: wiring, requirement: undefined }]);
    expect(plan.questions.find((q) => q.includes('FR1'))).toMatch(/FR1 .*No code it names or implies matches it clearly/);
  });

  it.each([
    ['first', 'changed', 0, 0.01],
    ['fifth, close to the best', 'read', 4, 0.01],
    ['second, far below the best', 'read', 1, 0.3],
  ])('a file whose name the text spells out, ranked %s by the engine, is %s', (_, outcome, at, step) => {
    const map = crafted();
    const others = rankedInIndexOrder(map, 'shipping').filter((f) => !f.path.endsWith('shipping-line.entity.ts'));
    const line = rankedInIndexOrder(map, 'shipping').find((f) => f.path.endsWith('shipping-line.entity.ts'))!;
    const ranked = [...others.slice(0, at), line, ...others.slice(at)].map((f, i) => ({ ...f, score: 1 - i * step }));
    const plan = planChanges([requirement('Each shipping line can be ticked for refund, showing its price.')], map, map.facts.projects.api, ranked);
    const path = 'libs/api/src/shipping/shipping-line.entity.ts';
    expect(changed(plan).includes(path) ? 'changed' : plan.read.some((r) => r.path === path) ? 'read' : 'absent').toBe(outcome);
  });

  it.each([
    ['read', 'the requirement spells it too: it is the subject the non-goal narrows', 'Each shipping line can be ticked for refund, showing its price.'],
    ['out of scope', 'no requirement spells it', 'Refunds are stored with their price.'],
  ])('a found file a non-goal spells out is %s when %s', (outcome, _, text) => {
    const map = crafted();
    const ranked = rankedInIndexOrder(map, 'shipping').map((f, i) => ({ ...f, score: 1 - i / 100 }));
    const plan = planChanges([requirement(text)], map, map.facts.projects.api, ranked, [
      { text: 'Changing how each shipping line is priced.', source: 'PRD.md:9' },
    ]);
    const path = 'libs/api/src/shipping/shipping-line.entity.ts';
    expect(plan.read.some((r) => r.path === path) ? 'read' : plan.outOfScope.some((o) => o.name === 'ShippingLine') ? 'out of scope' : 'absent').toBe(outcome);
  });

  it('asks once where the requirements go that no code is found for', () => {
    const map = crafted();
    const plan = planChanges(
      [requirement('The dialog resets each time it opens.', { id: 'FR1' }), requirement('A reason dropdown is required.', { id: 'FR2' })],
      map,
      map.facts.projects.api,
      [],
    );
    expect(plan.questions).toEqual(['Where in `api` do FR1 (PRD.md:1), FR2 (PRD.md:1) belong? No code they name or imply matches them clearly.']);
  });

  it('serves a story no file is found for with the change sharing its words, without asking where it belongs', () => {
    const map = crafted();
    const ranked = rankedInIndexOrder(map, 'export');
    const fr1 = requirement('When a view is exported, the export contains only the visible fields of the view.', { id: 'FR1' });
    const story = requirement('As an analyst, I want the export to hold the columns I see.', { id: 'R1', kind: 'story' });
    const plan = planChanges([fr1, story], map, map.facts.projects.api, ranked.slice(0, 1));
    expect(plan.changes.find((c) => c.path === 'libs/api/src/export/export.service.ts')?.requirements.map((r) => r.id)).toEqual(['FR1', 'R1']);
    expect(plan.questions.filter((q) => q.includes('R1'))).toEqual([]);
  });
});

describe('planChanges across clients', () => {
  it('leaves out a found file of a client beside the affected one (neither depends on the other), keeps one it depends on', () => {
    const component = (name: string) => `export function ${name}() { return '<button>Refund order</button>'; }\n`;
    const crafted = craftedCodeMap(
      {
        'apps/dashboard/src/orders/refund-dialog.tsx': component('RefundDialog'),
        'apps/legacy-admin/src/orders/refund-order-dialog.component.tsx': component('RefundOrderDialogComponent'),
        'libs/ui/src/refund/refund-button.tsx': component('RefundButton'),
      },
      [
        project('dashboard', 'apps/dashboard', { type: 'application', tags: ['type:ui'], dependencies: ['ui'] }),
        project('legacy-admin', 'apps/legacy-admin', { type: 'application', tags: ['type:ui'] }),
        project('ui', 'libs/ui', { tags: ['type:ui'], dependents: ['dashboard'] }),
      ],
    );
    const ranked = rankedInIndexOrder(crafted, 'refund');
    const plan = planChanges(
      [requirement('Staff can refund an order from a dialog.', { area: 'frontend' })],
      crafted,
      crafted.facts.projects.dashboard,
      ranked,
    );
    const changed = plan.changes.filter((c) => c.area !== 'testing').map((c) => c.path);
    expect(changed).toContain('apps/dashboard/src/orders/refund-dialog.tsx');
    expect(changed).toContain('libs/ui/src/refund/refund-button.tsx');
    expect(changed).not.toContain('apps/legacy-admin/src/orders/refund-order-dialog.component.tsx');
  });

  it('names neither for change nor for reading a file of a client beside the affected one that the text spells out', () => {
    const crafted = craftedCodeMap(
      {
        'apps/dashboard/src/orders/order-detail.tsx': "export function OrderDetail() { return '<h1>Order</h1>'; }\n",
        'apps/legacy-admin/src/orders/bulk-action-utils.ts': 'export function isMultiChannel() { return false; }\n',
      },
      [
        project('dashboard', 'apps/dashboard', { type: 'application', tags: ['type:ui'] }),
        project('legacy-admin', 'apps/legacy-admin', { type: 'application', tags: ['type:ui'] }),
      ],
    );
    const plan = planChanges(
      [requirement('The order detail hides bulk action utils from the load-more row.', { area: 'frontend' })],
      crafted,
      crafted.facts.projects.dashboard,
    );
    const named = [...plan.changes.map((c) => c.path), ...plan.read.map((r) => r.path)];
    expect(named).toContain('apps/dashboard/src/orders/order-detail.tsx');
    expect(named).not.toContain('apps/legacy-admin/src/orders/bulk-action-utils.ts');
  });
});

describe('planChanges across the sides of the system', () => {
  // A server and the admin client that calls it (by their tags), each holding code about order lines.
  const crafted = () =>
    craftedCodeMap(
      {
        'apps/api/src/orders/order.service.ts': 'export class OrderService { removeCouponCode(orderLine: unknown) { return orderLine; } }\n',
        'apps/admin/src/orders/order-line.fragment.ts': 'export const orderLineFragment = `fragment OrderLine on OrderLine { discounts }`;\n',
      },
      [project('api', 'apps/api', { type: 'application', tags: ['type:api'] }), project('admin', 'apps/admin', { type: 'application', tags: ['type:ui'] })],
    );
  const SERVICE = 'apps/api/src/orders/order.service.ts';
  const FRAGMENT = 'apps/admin/src/orders/order-line.fragment.ts';
  /** The ranking, with `first` ranked first. */
  const rankedWith = (map: CodeMap, first: string) => {
    const ranked = rankedInIndexOrder(map, 'order line');
    const paths = [first, ...ranked.map((f) => f.path).filter((p) => p !== first)];
    return paths.map((path, i) => ({ ...ranked.find((f) => f.path === path)!, score: 1 - i / 10 }));
  };
  const STORED = 'The coupon discount is cleared from every order line and stored.';

  it.each([
    ['a requirement about what is stored reads the client file', STORED, false],
    [
      'the same when the ranking finds the file without the text spelling its name',
      'Each line of the order loses the coupon discount, and that is stored.',
      false,
    ],
    ['a requirement about what the page shows changes it', 'The order line shows no discount on the order page once the coupon is removed.', true],
  ])('%s', (_, text, changesClient) => {
    const map = crafted();
    const plan = planChanges([stated(text)], map, map.facts.projects.api, rankedWith(map, SERVICE));
    const changed = plan.changes.filter((c) => c.area !== 'testing').map((c) => c.path);
    expect(changed).toContain(SERVICE);
    expect(changed.includes(FRAGMENT)).toBe(changesClient);
    if (!changesClient) expect(plan.read.map((r) => r.path)).toContain(FRAGMENT);
  });

  it.each([
    ['in the client, when its words alone also lead to the code there', 'The sidebar toggle button stays visible when the sidebar collapses.', 'admin'],
    ['in the server, when its words alone lead to the code there', 'The order page shows the coupon code removed from the order line.', 'api'],
  ])('places a requirement about the screen no file is found for: %s', (_, text, where) => {
    const map = craftedCodeMap(
      {
        'apps/api/src/orders/order.service.ts': 'export class OrderService { removeCouponCode(orderLine: unknown) { return orderLine; } }\n',
        'apps/admin/src/layout/sidebar-toggle.tsx': 'export function SidebarToggle() { return null; }\n',
      },
      [project('api', 'apps/api', { type: 'application', tags: ['type:api'] }), project('admin', 'apps/admin', { type: 'application', tags: ['type:ui'] })],
    );
    const screen = stated(text, 'R2');
    const plan = planChanges([stated(STORED), screen], map, map.facts.projects.api, rankedWith(map, SERVICE).slice(0, 1));
    expect(plan.changes.filter((c) => c.area !== 'testing' && c.requirements.includes(screen)).map((c) => c.project)).toEqual([where]);
    if (where === 'admin') expect(plan.questions.find((q) => q.includes('R2'))).toContain('Where in `admin`');
  });

  it.each([
    ['the ranking found it above every file of the affected project (the pick may be wrong)', { section: 'Functional requirements' }, FRAGMENT],
    ['the text is a free description, silent about most things (a commit subject)', {}, SERVICE],
  ])('changes the client file when %s', (_, extra, first) => {
    const map = crafted();
    const plan = planChanges([requirement(STORED, extra)], map, map.facts.projects.api, rankedWith(map, first));
    expect(plan.changes.map((c) => c.path)).toContain(FRAGMENT);
  });
});

describe('planChanges and what the prose says is used', () => {
  it.each([
    ['a project the affected one depends on', ['ui'], true],
    ['a project it cannot import', [], false],
  ])('a file the prose says is used, in %s, is reused only where the affected project can import it', (_, dependencies, reused) => {
    const crafted = craftedCodeMap(
      {
        'libs/core/src/list/list-query-builder.ts': 'export class ListQueryBuilder { build() {} }\n',
        'libs/ui/src/custom-filter.ts': 'export function customFilter() { return null; }\n',
      },
      [project('core', 'libs/core', { dependencies }), project('ui', 'libs/ui')],
    );
    const plan = planChanges([requirement('The query builder must detect when a filter uses a custom filter property.')], crafted, crafted.facts.projects.core);
    expect(plan.reuse.some((r) => r.path === 'libs/ui/src/custom-filter.ts')).toBe(reused);
  });
});

describe('planChanges and files no one edits by hand', () => {
  const generated = 'libs/api/src/refund/schema.generated.ts';
  const planWith = async (generatedScore: number) => {
    const files = {
      [generated]: 'export interface RefundTotals { refundTotal: number }\n',
      'libs/api/src/refund/refund-policy.ts': 'export function refundPolicy(total: number) { return total; }\n',
    };
    const crafted = craftedCodeMap(files, [project('api', 'libs/api')]);
    const text = 'The refund total never exceeds what was paid.';
    const ranked = (await engineRanking(crafted, text)).map((f) =>
      f.path === generated ? { ...f, score: generatedScore, why: 'its path or declarations match "refund"' } : f,
    );
    return planChanges(
      [requirement(text)],
      crafted,
      crafted.facts.projects.api,
      ranked.sort((a, b) => b.score - a.score),
    );
  };

  it('never names a generated file the ranking finds to read: it says nothing of where work goes', async () => {
    const plan = await planWith(0.3);
    expect(plan.read.map((r) => r.path)).not.toContain(generated);
  });

  it('regenerates one the ranking is sure of (a release bumps the generated version file)', async () => {
    const plan = await planWith(2);
    expect(plan.changes.find((c) => c.path === generated)?.action).toMatch(/^Regenerate `schema.generated.ts` from its changed source/);
    expect(plan.changes.filter((c) => c.area === 'testing' && c.action.includes('schema.generated.ts'))).toEqual([]);
  });
});

describe('planChanges and the module folder a requirement names', () => {
  const files = {
    'apps/web/src/kanban/KanbanBoard.tsx': 'export function KanbanBoard() { return null; }\n',
    'apps/web/src/design/card/TableDetail.tsx': 'export function TableDetail() { return null; }\n',
  };
  /** The engine's files: the board on its words, and the other file (when given) only on the graph, as a neighbour. */
  const planFor = (alsoFound?: string) => {
    const crafted = craftedCodeMap(files, [project('web', 'apps/web', { type: 'application' })]);
    const ranked = rankedInIndexOrder(crafted, 'stack')
      .filter((f) => f.path.endsWith('KanbanBoard.tsx') || f.path === alsoFound)
      .map((f) => (f.path === alsoFound ? { ...f, score: 0.1, why: 'imported by `apps/web/src/kanban/KanbanBoard.tsx`' } : f));
    const requirements = [
      requirement('Records are grouped into stacks by their status.', { id: 'FR1', area: 'frontend' }),
      requirement('Users move cards between stacks.', { id: 'FR2', area: 'frontend' }),
    ];
    return planChanges(requirements, crafted, crafted.facts.projects.web, ranked).changes;
  };
  const servedBy = (changes: ReturnType<typeof planFor>, id: string) =>
    changes.filter((c) => c.area !== 'testing' && c.requirements.some((r) => r.id === id)).map((c) => c.path ?? c.folder ?? c.project);

  it('places work in the folder its words name when the engine found a file of the feature there', () => {
    expect(servedBy(planFor('apps/web/src/design/card/TableDetail.tsx'), 'FR2')).toEqual(['apps/web/src/design/card/TableDetail.tsx']);
  });

  it('does not place it in a folder only a common noun of the requirement names ("cards" → `design/card/`)', () => {
    expect(servedBy(planFor(), 'FR2')).toEqual(['web']);
  });
});

describe('planChanges from a page down to the client it calls', () => {
  it('takes the client module whose function the page calls, not one exporting an enum of a name the page uses', async () => {
    const crafted = craftedCodeMap(
      {
        'apps/web/src/app/orders-page.tsx':
          "import { fetchOrders } from '@acme/client';\nexport function OrdersPage() { const kind = ResourceType.Order; return fetchOrders(kind); }\n",
        'libs/client/src/a-trash.ts': "export enum ResourceType { Order = 'order' }\nexport const getTrash = () => fetch('/api/trash');\n",
        'libs/client/src/orders.ts': "export const fetchOrders = (kind: string) => fetch('/api/orders');\n",
        'libs/client/src/index.ts': "export * from './a-trash';\nexport * from './orders';\n",
      },
      [project('web', 'apps/web', { type: 'application', dependencies: ['client'] }), project('client', 'libs/client', { importPath: '@acme/client' })],
    );
    const text = 'The orders page shows how many orders there are.';
    const plan = planChanges([requirement(text, { area: 'frontend' })], crafted, crafted.facts.projects.web, await engineRanking(crafted, text));
    const changed = plan.changes.filter((c) => c.area !== 'testing').map((c) => c.path);
    expect(changed).toContain('libs/client/src/orders.ts');
    expect(changed).not.toContain('libs/client/src/a-trash.ts');
  });

  it('does not take a module the page only names in a comment, without importing it', async () => {
    const crafted = craftedCodeMap(
      {
        'apps/web/src/app/orders-page.tsx':
          '/** Its data comes from `fetchOrders`, which the build writes. */\nexport function OrdersPage() { return null; }\n',
        'apps/web/vite/orders-plugin.ts': "export function fetchOrders() { return fetch('/api/orders'); }\n",
      },
      [project('web', 'apps/web', { type: 'application' })],
    );
    const text = 'The orders page shows how many orders there are.';
    const plan = planChanges([requirement(text, { area: 'frontend' })], crafted, crafted.facts.projects.web, await engineRanking(crafted, text));
    expect(plan.changes.map((c) => c.path)).not.toContain('apps/web/vite/orders-plugin.ts');
  });
});

describe("planChanges and the client's message catalogs", () => {
  const I18NEXT = {
    'apps/web/public/locales/en/common.json': '{ "save": "Save" }\n',
    'apps/web/public/locales/en/orders.json': '{ "orders": { "title": "Orders" } }\n',
    'apps/web/public/locales/de/orders.json': '{ "orders": { "title": "Bestellungen" } }\n',
  };
  const planFor = (text: string, catalogs: Record<string, string> = I18NEXT) => {
    const crafted = craftedCodeMap({ 'apps/web/src/OrdersPage.tsx': 'export function OrdersPage() { return null; }\n', ...catalogs }, [
      project('web', 'apps/web', { type: 'application' }),
    ]);
    const ranked = [
      {
        path: 'apps/web/src/OrdersPage.tsx',
        project: 'web',
        role: 'component' as const,
        score: 1,
        why: 'its path or declarations match "order"',
        symbols: [],
        tokens: 10,
      },
    ];
    return planChanges([requirement(text, { area: 'frontend' })], crafted, crafted.facts.projects.web, ranked).changes.map((c) => c.action);
  };

  it('adds the new text to the source-language catalog whose text is about the same thing', () => {
    expect(planFor('The orders page shows an Export button.')).toContain(
      'Add the new UI text (labels, messages) to the source-language catalog `apps/web/public/locales/en/orders.json`, then its translations beside it',
    );
  });

  it("has extracted catalogs (gettext, Lingui) extracted with the project's script rather than written", () => {
    const lingui = {
      'apps/web/src/i18n/locales/en.po': 'msgid "Orders"\nmsgstr "Orders"\n',
      'apps/web/src/i18n/locales/de.po': 'msgid "Orders"\nmsgstr "Bestellungen"\n',
    };
    expect(planFor('The orders page shows an Export button.', lingui)).toContain(
      "Extract the new UI text into the message catalogs (`apps/web/src/i18n/locales/en.po` first) with the project's extract script, then translate it",
    );
  });

  it('leaves the catalogs alone when the work shows no new text', () => {
    expect(planFor('The orders page loads in under a second.').join('\n')).not.toContain('catalog');
  });

  it("catalogs the text a spec asks for on the project's screens while its component is still to be settled; not a free description's", () => {
    const crafted = craftedCodeMap({ 'apps/web/src/OrdersPage.tsx': 'export function OrdersPage() { return null; }\n', ...I18NEXT }, [
      project('web', 'apps/web', { type: 'application' }),
    ]);
    const ranked = rankedWith(crafted, 'order', [['apps/web/src/OrdersPage.tsx', 1]]);
    const listed = stated('The orders page lists the orders by date.', 'FR1');
    const more = stated('A "Load more" button follows the last row.', 'FR2');
    const catalogued = (requirements: Requirement[]) =>
      planChanges(requirements, crafted, crafted.facts.projects.web, ranked)
        .changes.filter((c) => c.key.endsWith('#catalog'))
        .flatMap((c) => c.requirements.map((r) => r.id));
    expect(catalogued([listed, more])).toEqual(['FR2']);
    expect(catalogued([listed, { ...more, section: undefined }])).toEqual([]);
  });
});

describe('planChanges and a UI element the text asks for', () => {
  const planFor = (files: Record<string, string>) => {
    const crafted = craftedCodeMap(files, [project('web', 'apps/web', { type: 'application' }), project('admin-ui-plugin', 'libs/admin-ui-plugin')]);
    return planChanges([requirement('Show a toast when the export finishes.', { area: 'frontend' })], crafted, crafted.facts.projects.web);
  };
  const page = (name: string, body: string) => ({ [`apps/web/src/${name}.tsx`]: `export function ${name}() { ${body} return null; }\n` });
  const plugin = { 'libs/admin-ui-plugin/src/plugin.ts': 'export class AdminUiPlugin { serve(): void {} }\n' };

  it('adds none when the client already shows one (a package does)', () => {
    const files = { ...plugin, ...page('Orders', "toast('saved');"), ...page('Users', "toast('saved');"), ...page('Export', "toast('done');") };
    expect(planFor(files).changes.filter((c) => c.isNew)).toEqual([]);
  });

  it('never puts a new component in a library that holds none (a server plugin named `ui`)', () => {
    expect(planFor({ ...plugin, ...page('Orders', '') }).changes.map((c) => c.path)).not.toContain('libs/admin-ui-plugin/src/toast.tsx');
  });
});

describe('planChanges: where the work goes', () => {
  const paths = async (text: string, extra: Partial<Requirement> = {}) =>
    planChanges([requirement(text, extra)], code, workspace.facts.projects.api, await engineRanking(code, text)).changes.map(
      (c) => `${c.isNew ? '+' : ''}${c.path}`,
    );

  it('puts a new route on the controller that owns its prefix, with its service, query DTO and specs', async () => {
    expect(await paths('The API must expose `GET /api/orders/export` on `OrdersController`.')).toEqual([
      'apps/api/src/app/orders/orders.controller.ts',
      'apps/api/src/app/orders/orders.service.ts',
      '+apps/api/src/app/orders/dto/export-orders.query.dto.ts',
      '+apps/api/src/app/orders/orders.controller.spec.ts',
      'apps/api/src/app/orders/orders.service.spec.ts',
    ]);
  });

  it('puts new helpers in a new module named after their shared word, beside its siblings, exported from the barrel', async () => {
    expect(
      await paths('CSV encoding must be a pure helper in `@shop/shared-util`, for example `toCsvRow(values)` or `escapeCsvField(value)`.', { area: 'shared' }),
    ).toEqual(['+libs/shared/util/src/lib/csv.ts', 'libs/shared/util/src/index.ts', '+libs/shared/util/src/lib/csv.spec.ts']);
  });

  it('puts a new hook beside its siblings and a new member on its owner', () => {
    const changes = planChanges(
      [
        requirement('The request must go through `@shop/web-data-access`, for example `ordersApi.exportCsv(filters)` plus a `useExportOrders()` mutation.', {
          area: 'frontend',
        }),
      ],
      code,
      workspace.facts.projects.web,
    ).changes;
    expect(changes.filter((c) => c.area !== 'testing').map((c) => [c.path, c.action])).toEqual([
      ['libs/web/data-access/src/lib/orders.ts', 'Add `ordersApi.exportCsv` to `ordersApi`'],
      ['libs/web/data-access/src/lib/orders.ts', 'Add `useExportOrders` beside `useOrders` and `useOrder`'],
    ]);
  });

  it('checks what the inputs keep as it is, rather than changing the code it names', () => {
    const export_ = requirement('The API must expose `GET /api/orders/export` on `OrdersController`.');
    const kept = requirement('`OrdersService.list` filters by status, as today.', { id: 'R2', keeps: true });
    const plan = planChanges([export_, kept], code, workspace.facts.projects.api);
    expect(plan.changes.filter((c) => c.requirements.includes(kept)).map((c) => [c.area, c.path])).toEqual([['testing', undefined]]);
    expect(plan.changes.filter((c) => c.area !== 'testing').every((c) => c.requirements.every((r) => r === export_))).toBe(true);
    expect(plan.questions).toEqual([]);
  });

  it('never makes a forbidden or reused name the target, and records them', () => {
    const plan = planChanges(
      [requirement('`total` is rendered with `toDecimalString` from `@shop/shared-util`. It must not use `formatMoney`.', { area: 'shared' })],
      code,
      workspace.facts.projects.api,
    );
    expect(plan.changes.map((c) => c.path)).not.toContain('libs/shared/util/src/lib/money.ts');
    expect(plan.avoid.map((a) => a.name)).toEqual(['formatMoney']);
    expect(plan.reuse.map((r) => [r.name, r.path])).toEqual([['toDecimalString', 'libs/shared/util/src/lib/money.ts']]);
  });

  it('follows a one-line description from the page it names down the stack, and adds the UI element no library has', async () => {
    const text = 'Let admins bulk-cancel pending orders from the orders page, with a confirmation dialog and an audit log entry';
    expect(await paths(text, { area: 'frontend' })).toEqual(
      expect.arrayContaining([
        'apps/web/src/app/pages/OrdersPage.tsx',
        'libs/web/data-access/src/lib/orders.ts',
        'apps/api/src/app/orders/orders.controller.ts',
        'apps/api/src/app/orders/orders.service.ts',
        '+apps/api/src/app/orders/dto/bulk-cancel-orders.dto.ts',
        '+libs/web/ui/src/lib/ConfirmDialog.tsx',
        'libs/web/ui/src/index.ts',
      ]),
    );
  });

  it('puts a header on every response into new middleware beside the request-wide code, registered and exposed in main.ts', async () => {
    const text =
      'Add a request-id header to every API response: return it as X-Request-Id on every response, expose it to the browser via CORS, and include it in the request log line.';
    expect(await paths(text)).toEqual(
      expect.arrayContaining([
        '+apps/api/src/app/common/request-id.middleware.ts',
        'apps/api/src/main.ts',
        'apps/api/src/app/common/request-logging.interceptor.ts',
      ]),
    );
  });

  it('leaves a requirement it cannot place with confidence at the project level with a question, never on a guessed file', () => {
    const plan = planChanges([requirement('Exports should feel fast.')], code, workspace.facts.projects.api);
    expect(plan.changes.map((c) => [c.project, c.path])).toEqual([['api', undefined]]);
    expect(plan.questions).toEqual([expect.stringContaining('Where in `api` does R1 belong')]);
  });

  it.each([
    ['Add rate limiting per API key', 'API key'],
    ['Export order history from the account page', 'account page'],
    ['Link to it from a new settings page', 'settings page'],
  ])('"%s" relies on "%s", which nothing in the code is: an open question', (text, term) => {
    const plan = planChanges([requirement(text)], code, workspace.facts.projects.api);
    expect(plan.questions).toEqual(expect.arrayContaining([expect.stringContaining(`"${term}"`)]));
  });

  it.each(['Children are fetched again from the first page.', 'Moving a card causes no full page reload.', 'A second request reuses the in-flight token.'])(
    '"%s" relies on no term of its own: which page or token it means is no question',
    (text) => {
      const plan = planChanges([requirement(text)], code, workspace.facts.projects.api);
      expect(plan.questions.filter((q) => q.includes('The inputs rely on'))).toEqual([]);
    },
  );

  it.each([
    ['states what it does', 'The orders page lists each order with its total', 'Change `OrdersPage` so that the orders page lists each order with its total'],
    ['says what to do', 'Show the orders page totals in bold', 'Change `OrdersPage` to show the orders page totals in bold'],
    ['is a condition, not an instruction', 'When the orders page opens, the totals are shown in bold', 'Change `OrdersPage`'],
    [
      'has an aside between its subject and verb',
      'The orders page (reachable from the menu) lists each order',
      'Change `OrdersPage` so that the orders page lists each order',
    ],
    ['is a label before its details', 'Orders page totals: each is shown in bold', 'Change `OrdersPage`'],
    ['is a subject with no instruction', 'Orders page cannot render totals', 'Change `OrdersPage`'],
  ])('words the change to a file a clause spells out as an instruction, when the clause %s', async (_, text, action) => {
    const changes = planChanges([requirement(text, { area: 'frontend' })], code, workspace.facts.projects.web, await engineRanking(code, text)).changes;
    expect(changes.find((c) => c.path === 'apps/web/src/app/pages/OrdersPage.tsx')?.action).toBe(action);
  });

  it('reads a name spelled across an article ("modifying an order" → `use-modify-order.ts`)', () => {
    const crafted = craftedCodeMap({ 'apps/web/src/orders/use-modify-order.ts': 'export function useModifyOrder() { return null; }\n' }, [
      project('web', 'apps/web', { type: 'application' }),
    ]);
    const text = 'Raising a line back to its quantity while modifying an order clears its pending change.';
    const plan = planChanges([requirement(text, { area: 'frontend' })], crafted, crafted.facts.projects.web);
    expect([...plan.changes.map((c) => c.path), ...plan.read.map((r) => r.path)]).toContain('apps/web/src/orders/use-modify-order.ts');
  });

  it.each([
    ['If no visible fields are configured, every field is shown.', false],
    ['The picker lists every field without the visible fields control.', true],
  ])('"%s" forbids the file it spells out: %s', (text, forbidden) => {
    const crafted = craftedCodeMap({ 'apps/web/src/fields/VisibleFields.tsx': 'export function VisibleFields() { return null; }\n' }, [
      project('web', 'apps/web', { type: 'application' }),
    ]);
    const plan = planChanges([requirement(text, { area: 'frontend' })], crafted, crafted.facts.projects.web);
    expect(plan.avoid.some((a) => a.path === 'apps/web/src/fields/VisibleFields.tsx')).toBe(forbidden);
  });

  it('does not read "order history from the account page" as the orders page', () => {
    // Read without a ranking, so that only the words the text spells out can name a file.
    const plan = planChanges([requirement('Export order history from the account page', { area: 'frontend' })], code, workspace.facts.projects.web);
    expect([...plan.changes.map((c) => c.path), ...plan.read.map((r) => r.path)]).not.toContain('apps/web/src/app/pages/OrdersPage.tsx');
  });
});

describe('planChanges: the declaration a change to a found file names', () => {
  it.each([
    [
      'the class, not the type beside it that shares its words',
      'export interface IRefundInput { amount: number }\nexport class RefundService { refund(input: IRefundInput) { return input.amount; } }\n',
      'Change `RefundService`',
    ],
    [
      'the function whose name shares the words, not the first export',
      'export interface RefundLine { amount: number }\nexport function sumLines(lines: RefundLine[]) { return lines.length; }\nexport function refundTotal(lines: RefundLine[]) { return sumLines(lines); }\n',
      'Change `refundTotal`',
    ],
    [
      "the module's own component, when it exports only settings",
      'export const Route = createRoute({ component: RefundPage });\nfunction RefundPage() { return null; }\n',
      'Change `RefundPage` (module-private)',
    ],
    [
      'an exported document the words name, not the helper beside it',
      'export const refundTotalDocument = graphql(`query { refunds { total } }`);\nexport function getQueryOptions() { return {}; }\n',
      'Change `refundTotalDocument`',
    ],
    [
      'the function sharing most words, not the first sharing one',
      'export function refundLimit() { return 0; }\nexport function showRefundTotal(total: number) { return total; }\n',
      'Change `showRefundTotal`',
    ],
    ['a type, when the file has only types', 'export interface RefundTotal { amount: number }\n', 'Change `RefundTotal`'],
    [
      'the method of a class whose name spells two of the words, beside its owner',
      'export class PaymentService { refund() { return 0; } refundTotal() { return 0; } }\n',
      'Change `refundTotal` of `PaymentService`',
    ],
    [
      'the class, when two of its methods share as many words',
      'export class PaymentService { refundTotal() { return 0; } totalRefund() { return 0; } }\n',
      'Change `PaymentService`',
    ],
    [
      'of two methods sharing as many words, the one whose name the text says all of',
      'export class PaymentService { emailRefundTotalReport() { return 0; } refundTotal() { return 0; } }\n',
      'Change `refundTotal` of `PaymentService`',
    ],
    [
      "the method sharing a word beyond the owner's own, the owner's words counting half (`refund` of `RefundService`)",
      'export class RefundService { refundLines() { return 0; } refundTotal() { return 0; } showRefund() { return 0; } }\n',
      'Change `refundTotal` of `RefundService`',
    ],
    [
      "the module's own component, when it exports only settings and no name shares the words",
      'export const Route = createRoute({ component: SettlementScreen });\nfunction SettlementScreen() { return null; }\n',
      'Change `SettlementScreen` (module-private)',
    ],
    ['the one function, when no name shares the words', 'export function settle(amount: number) { return amount; }\n', 'Change `settle`'],
    [
      'the file, when none of its functions shares the words (a pick among them would be a guess)',
      'export function settle(amount: number) { return amount; }\nexport function reconcile(amount: number) { return amount; }\n',
      'Change `refund-math.ts`',
    ],
  ])('names %s', async (_, content, action) => {
    const crafted = craftedCodeMap({ 'libs/api/src/refund/refund-math.ts': content }, [project('api', 'libs/api')]);
    const text = 'The refund total is shown with each refund.';
    const plan = planChanges([requirement(text)], crafted, crafted.facts.projects.api, await engineRanking(crafted, text));
    expect(plan.changes.find((c) => c.inferred === 'retrieved')?.action).toBe(action);
  });
});

describe('planChanges: the method a change to a found class names, by the verb the text uses', () => {
  it.each([
    ['A user adds a refund note to each refund.', 'Change `addRefundNote` of `RefundService`'],
    ['Each refund shows its refund note.', 'Change `RefundService`'],
  ])('%s → %s', async (text, action) => {
    const content = 'export class RefundService { addRefundNote() { return 0; } editRefundNote() { return 0; } }\n';
    const crafted = craftedCodeMap({ 'libs/api/src/refund/refund.service.ts': content }, [project('api', 'libs/api')]);
    const plan = planChanges([requirement(text)], crafted, crafted.facts.projects.api, await engineRanking(crafted, text));
    expect(plan.changes.find((c) => c.inferred === 'retrieved')?.action).toBe(action);
  });
});

describe('planChanges: the work on a file the text spells out', () => {
  it('goes in one change, named for the declaration whose name shares the words, not the first the file declares', async () => {
    const crafted = craftedCodeMap(
      {
        'libs/api/src/refund/refund-policy.ts':
          'export function limitFor(total: number) { return total; }\nexport function allowedAmount(total: number) { return total; }\n',
      },
      [project('api', 'libs/api')],
    );
    const caps = requirement('The refund policy caps the allowed amount.', { id: 'FR1' });
    const shown = requirement('The refund policy is shown on the receipt.', { id: 'FR2' });
    const text = `${caps.text}\n${shown.text}`;
    const plan = planChanges([caps, shown], crafted, crafted.facts.projects.api, await engineRanking(crafted, text));
    expect(plan.changes.filter((c) => c.path === 'libs/api/src/refund/refund-policy.ts').map((c) => [c.action, c.requirements.map((r) => r.id)])).toEqual([
      ['Change `allowedAmount` so that the refund policy caps the allowed amount', ['FR1', 'FR2']],
    ]);
  });
});

describe('planChanges: the test work for the files the ranking found', () => {
  /** The plan with the code map the drafter has: one that knows the context pack's suite tests for the feature. */
  const planFor = async (files: Record<string, string>, text: string, more: Requirement[] = []) => {
    const crafted = craftedCodeMap(files, [project('api', 'libs/api')]);
    const source = diskSource(crafted.facts.root);
    const query = [text, ...more.map((r) => r.text)].join('\n');
    const pack = await buildContext({ facts: crafted.facts, source, index: crafted.index, query, history: { commits: [] } });
    const code = new CodeMap(crafted.index, crafted.facts, source, pack.featureTests);
    return planChanges([requirement(text), ...more], code, code.facts.projects.api, pack.files);
  };
  const testing = (plan: Awaited<ReturnType<typeof planFor>>) => plan.changes.filter((c) => c.key === 'api#inferred-tests').map((c) => c.action);
  const service = {
    'libs/api/src/refund/refund-policy.ts': 'export function allowedRefund(orderTotal: number, refund: number) { return refund <= orderTotal; }\n',
  };
  const text = 'A refund above the total of its order is refused.';

  it('names the spec the found file already has, to extend', async () => {
    const plan = await planFor(
      {
        ...service,
        'libs/api/src/refund/refund-policy.spec.ts': "import { allowedRefund } from './refund-policy';\nit('allows', () => allowedRefund(2, 1));\n",
      },
      text,
    );
    expect(plan.changes.find((c) => c.inferred === 'retrieved')?.path).toBe('libs/api/src/refund/refund-policy.ts');
    expect(testing(plan)).toEqual(['Extend the specs of the files above that change: `libs/api/src/refund/refund-policy.spec.ts`']);
  });

  it("names the project's suite test that matches the feature for a found file with no spec beside it (NestJS's `test/*.e2e-spec.ts`)", async () => {
    const plan = await planFor(
      {
        'libs/api/src/refund/refund.service.ts':
          'export class RefundService { allowedRefund(orderTotal: number, refund: number) { return refund <= orderTotal; } }\n',
        'libs/api/test/order.e2e-spec.ts': "describe('orders', () => it('lists the orders of a customer', () => undefined));\n",
        'libs/api/test/order-refunds.e2e-spec.ts': "describe('order refunds', () => it('refuses a refund above the order total', () => undefined));\n",
        'libs/api/test/refund-policies.e2e-spec.ts': "describe('policies', () => it('are listed', () => undefined));\n",
        'libs/api/test/payments.e2e-spec.ts': "describe('payments', () => it('refuses a refund above the order total', () => undefined));\n",
      },
      text,
    );
    // The suite named for the feature's words whose cases are about it: not the first one, not one named for a word
    // only (`refund-policies`), not one whose cases alone share the text (`payments`).
    expect(testing(plan)).toEqual(['Extend the specs of the files above that change: `libs/api/test/order-refunds.e2e-spec.ts`']);
  });

  const refundService = {
    'libs/api/src/refund/refund.service.ts':
      'export class RefundService { allowedRefund(orderTotal: number, refund: number) { return refund <= orderTotal; } }\n',
    'libs/api/test/order-refunds.e2e-spec.ts': "describe('order refunds', () => it('refuses a refund above the order total', () => undefined));\n",
  };

  it("names the project's suite test for a found file whose spec holds only its generator's scaffold case", async () => {
    const scaffold = "describe('RefundService', () => {\n  it('should be defined', () => expect(service).toBeDefined());\n});\n";
    const files = { ...refundService, 'libs/api/src/refund/refund.service.spec.ts': scaffold };
    expect(testing(await planFor(files, text))).toEqual(['Extend the specs of the files above that change: `libs/api/test/order-refunds.e2e-spec.ts`']);
    // A spec with a case of its own beside the scaffold's tests behaviour: it is the one to extend.
    const grown = scaffold.replace('});\n', "  it('refuses a refund above the total', () => undefined);\n});\n");
    expect(testing(await planFor({ ...files, 'libs/api/src/refund/refund.service.spec.ts': grown }, text))).toEqual([
      'Extend the specs of the files above that change: `libs/api/src/refund/refund.service.spec.ts`',
    ]);
    // Without a suite for the feature, the scaffold is still where its file's cases go.
    const { 'libs/api/test/order-refunds.e2e-spec.ts': _suite, ...alone } = files;
    expect(testing(await planFor(alone, text))).toEqual(['Extend the specs of the files above that change: `libs/api/src/refund/refund.service.spec.ts`']);
  });

  it("checks the behaviour the inputs keep in the project's suite for the feature, and runs it end to end", async () => {
    const kept = requirement('A refund up to the order total is allowed, as today.', { id: 'FR2', keeps: true });
    const plan = await planFor(refundService, text, [kept]);
    expect(plan.changes.filter((c) => c.requirements.includes(kept)).map((c) => [c.action, c.endToEnd])).toEqual([
      [
        'Check that the behaviour the inputs keep as it is still holds: run the cases that cover it in `libs/api/test/order-refunds.e2e-spec.ts`, and add one for any not covered yet',
        true,
      ],
    ]);
  });

  it('counts the suite that checks the kept behaviour among the at most 12 existing files it names', async () => {
    const rules: Record<string, string> = {};
    for (let n = 0; n < 12; n++) {
      rules[`libs/api/src/refund/refund-rule-${n}.ts`] =
        `export function refundRule${n}(orderTotal: number, refund: number) { return refund <= orderTotal; }\n`;
      rules[`libs/api/src/refund/refund-rule-${n}.spec.ts`] =
        `import { refundRule${n} } from './refund-rule-${n}';\nit('refuses', () => refundRule${n}(1, 2));\n`;
    }
    const kept = requirement('A refund up to the order total is allowed, as today.', { id: 'FR2', keeps: true });
    const suite = { 'libs/api/test/order-refunds.e2e-spec.ts': refundService['libs/api/test/order-refunds.e2e-spec.ts'] };
    const plan = await planFor({ ...suite, ...rules }, text, [kept]);
    expect(plan.named).toContain('libs/api/test/order-refunds.e2e-spec.ts');
    expect(plan.named.length).toBe(12);
  });

  it("places a requirement for tests in the project's suite for the feature, with the rest of the test work on it", async () => {
    const coverage = requirement('Automated coverage must include an exact refund of the order total.', { id: 'FR2', area: 'testing' });
    const plan = await planFor(
      { ...refundService, 'libs/api/src/refund/refund-rules.ts': 'export function coverageOfExactRefunds(orderTotal: number) { return orderTotal; }\n' },
      text,
      [coverage],
    );
    expect(plan.changes.filter((c) => c.requirements.includes(coverage)).map((c) => c.action)).toEqual([
      'Extend the specs of the files above that change: `libs/api/test/order-refunds.e2e-spec.ts`',
    ]);
    expect(plan.questions.join(' ')).not.toContain('FR2');
    // No source file serves it, however many of its words it shares (`coverageOfExactRefunds`).
    expect(plan.read.filter((r) => r.requirement === 'FR2')).toEqual([]);
  });

  it("does not take another file's spec of the same name for the found file's", async () => {
    const plan = await planFor(
      {
        ...service,
        'libs/api/src/orders/refund-policy.ts': 'export function orderRefundPolicy() { return true; }\n',
        'libs/api/src/orders/refund-policy.spec.ts': "import { orderRefundPolicy } from './refund-policy';\nit('allows', () => orderRefundPolicy());\n",
      },
      text,
    );
    expect(testing(plan).join(' ')).not.toContain('libs/api/src/orders/refund-policy.spec.ts');
  });

  it('asks for a spec beside a found file that has none, without naming one that does not exist', async () => {
    const plan = await planFor(service, text);
    expect(testing(plan)).toEqual(['Add specs beside the files above that change (`refund-policy.ts`)']);
  });

  it('asks for none beside a found file that declares nothing that runs (constants, query documents)', async () => {
    const documents = {
      'libs/api/src/refund/refund-limits.ts': 'export const REFUND_ABOVE_ORDER_TOTAL = "A refund above the total of its order is refused";\n',
    };
    const plan = await planFor(documents, text);
    expect(plan.changes.filter((c) => c.inferred === 'retrieved').map((c) => c.path)).toEqual(['libs/api/src/refund/refund-limits.ts']);
    expect(plan.changes.filter((c) => c.area === 'testing')).toEqual([]);
  });
});

describe('planChanges: requirements no found file is chosen for', () => {
  const files = {
    'libs/api/src/payment/payment.service.ts': [
      'export class PaymentService {',
      "  createPaymentIntent(input: { immediateCapture?: boolean }) { return input.immediateCapture === false ? 'manual' : 'automatic'; }",
      '}',
      '',
    ].join('\n'),
  };
  const intents = requirement('The payment service creates the payment intents of the shop.', { id: 'FR1' });
  const override = requirement('A storefront sending an immediate capture value that differs gets a warning logged.', { id: 'FR2' });
  const reasons = requirement('Refund reasons are listed for the staff.', { id: 'FR3' });

  it('go with the change to the file whose code uses the identifier they spell out, the others wait for their place', async () => {
    const crafted = craftedCodeMap(files, [project('api', 'libs/api')]);
    const text = [intents, override, reasons].map((r) => r.text).join('\n');
    const plan = planChanges([intents, override, reasons], crafted, crafted.facts.projects.api, await engineRanking(crafted, text));
    const service = plan.changes.find((c) => c.path === 'libs/api/src/payment/payment.service.ts');
    expect(service?.requirements.map((r) => r.id)).toEqual(['FR1', 'FR2']);
    expect(plan.questions.join(' ')).toContain('FR3');
    expect(plan.questions.join(' ')).not.toContain('FR2');
  });
});

describe('planChanges: a found file changed for a requirement that spells an identifier it uses', () => {
  it('is changed where it uses the identifier, not at the method whose name shares the most words', async () => {
    const crafted = craftedCodeMap(
      {
        'libs/api/src/payment/payment.service.ts': [
          'export class PaymentService {',
          '  recordPaymentMetadata(metadata: object) { return metadata; }',
          "  createIntent(input: { immediateCapture?: boolean }) { return input.immediateCapture ? 'auto' : 'manual'; }",
          '}',
          '',
        ].join('\n'),
      },
      [project('api', 'libs/api')],
    );
    const recorded = stated('The immediate capture value is recorded in the payment metadata.', 'FR1');
    const plan = planChanges([recorded], crafted, crafted.facts.projects.api, await engineRanking(crafted, recorded.text));
    expect(plan.changes.find((c) => c.path === 'libs/api/src/payment/payment.service.ts')?.action).toBe('Change `createIntent` of `PaymentService`');
    // A sentence of a free description (a commit's body) is read with the whole text: the method its words name.
    const free = planChanges([{ ...recorded, section: undefined }], crafted, crafted.facts.projects.api, await engineRanking(crafted, recorded.text));
    expect(free.changes.find((c) => c.path === 'libs/api/src/payment/payment.service.ts')?.action).toBe('Change `recordPaymentMetadata` of `PaymentService`');
  });
});

describe('planChanges: a requirement spelling an identifier that a file named to read uses', () => {
  const crafted = ordersAndRefunds({
    'libs/api/src/pricing/price-applicator.ts':
      'export class PriceApplicator { applyChannelPrice(ctx: string) { const activeTaxZone = ctx; return activeTaxZone; } }\n',
    'libs/api/src/pricing/totals-calculator.ts': [
      'export class TotalsCalculator {',
      '  calculateTotals(totals: number[]) { return totals; }',
      '  applyAdjustments(ctx: string) {',
      '    const activeTaxZone = ctx;',
      '    return activeTaxZone;',
      '  }',
      '}',
      '',
    ].join('\n'),
    'libs/api/src/pricing/price-args.ts': 'export interface PriceArgs { activeTaxZone: string; channel: string }\n',
  });
  // The order service found surely; the pricing files below it, named to read.
  const ranked = rankedWith(crafted, 'order', [
    ['libs/api/src/order/order.service.ts', 1],
    ['libs/api/src/pricing/price-args.ts', 0.4],
    ['libs/api/src/pricing/price-applicator.ts', 0.4],
    ['libs/api/src/pricing/totals-calculator.ts', 0.4],
  ]);
  const lines = stated('Orders list their order lines.', 'FR1');
  const prices = stated('The remembered active tax zone used when applying channel prices is kept per channel.', 'FR2');
  const totals = stated('The remembered active tax zone used when calculating totals is kept per channel.', 'FR3');
  const changeOf = (plan: ReturnType<typeof planChanges>, path: string) => plan.changes.find((c) => c.path === path);

  it('makes the file the change where it uses the identifier, of several the one its words match best, never one that only declares the type', () => {
    const plan = planChanges([lines, prices, totals], crafted, crafted.facts.projects.api, ranked);
    expect(changeOf(plan, 'libs/api/src/pricing/price-applicator.ts')?.requirements.map((r) => r.id)).toEqual(['FR2']);
    // The method using it, not the one whose name says "calculating totals".
    expect(changeOf(plan, 'libs/api/src/pricing/totals-calculator.ts')).toMatchObject({
      action: 'Change `applyAdjustments` of `TotalsCalculator`',
      requirements: [expect.objectContaining({ id: 'FR3' })],
    });
    expect(changeOf(plan, 'libs/api/src/pricing/price-args.ts')).toBeUndefined();
    expect(plan.questions.filter((q) => /FR[23]/.test(q))).toEqual([]);
  });

  it('leaves a sentence of a free description, and text on screen, to their question', () => {
    const free = planChanges([lines, { ...prices, section: undefined }], crafted, crafted.facts.projects.api, ranked);
    expect(changeOf(free, 'libs/api/src/pricing/price-applicator.ts')).toBeUndefined();
    expect(free.questions.some((q) => q.includes('FR2'))).toBe(true);
    const label = stated('The active tax zone label reads "Zone" in the menu.', 'FR4');
    const onScreen = planChanges([lines, label], crafted, crafted.facts.projects.api, ranked);
    expect(onScreen.changes.filter((c) => c.path?.startsWith('libs/api/src/pricing/'))).toEqual([]);
    expect(onScreen.questions.some((q) => q.includes('FR4'))).toBe(true);
  });
});

describe('planChanges: the code a question about a requirement points at', () => {
  it('is a file whose own name says a word of it, not one that shares only its members’ words', () => {
    const crafted = ordersAndRefunds({
      'libs/api/src/billing/billing.service.ts': 'export class BillingService { refundPolicyFor(total: number) { return total; } }\n',
    });
    // The order service found surely; the two others below it, named to read.
    const ranked = rankedWith(crafted, 'refund', [
      ['libs/api/src/order/order.service.ts', 1],
      ['libs/api/src/refund/refund-policy.ts', 0.4],
      ['libs/api/src/billing/billing.service.ts', 0.4],
    ]);
    const lines = requirement('Orders list their order lines.', { id: 'FR1' });
    const refused = requirement('A refund above the policy limit is refused.', { id: 'FR2' });
    const plan = planChanges([lines, refused], crafted, crafted.facts.projects.api, ranked);
    const question = plan.questions.find((q) => q.includes('FR2'));
    expect(question).toContain('The closest code found is `libs/api/src/refund/refund-policy.ts`: read it first.');
    expect(plan.read).toEqual(
      expect.arrayContaining([
        { path: 'libs/api/src/refund/refund-policy.ts', requirement: 'FR2' },
        { path: 'libs/api/src/billing/billing.service.ts', requirement: undefined },
      ]),
    );
  });
});

describe('planChanges: a requirement no file is found for, read on its own', () => {
  it('goes with the planned change to the file its words lead to first, else keeps its question', () => {
    const crafted = craftedCodeMap(
      {
        'libs/api/src/order/order.service.ts':
          'export class OrderService { orderLines() { return []; } recalculateTotals(totals: number[]) { return totals; } }\n',
        'libs/api/src/refund/refund-policy.ts': 'export function refundLimit(limit: number) { return limit; }\n',
      },
      [project('api', 'libs/api')],
    );
    const found = rankedInIndexOrder(crafted, 'order');
    const ranked = [{ ...found.find((f) => f.path === 'libs/api/src/order/order.service.ts')!, score: 1 }];
    const lines = stated('Orders list their order lines.', 'FR1');
    const totals = stated('Totals are recalculated after each change.', 'FR2');
    const refused = stated('A refund above the limit is refused.', 'FR3');
    const plan = planChanges([lines, totals, refused], crafted, crafted.facts.projects.api, ranked);
    expect(plan.changes.find((c) => c.path === 'libs/api/src/order/order.service.ts')?.requirements.map((r) => r.id)).toEqual(['FR1', 'FR2']);
    expect(plan.questions.some((q) => q.includes('FR3'))).toBe(true);
    expect(plan.questions.some((q) => q.includes('FR2'))).toBe(false);
    // A sentence of a free description (a commit's body, no heading) is read with the whole text: it keeps its question.
    const free = planChanges([lines, { ...totals, section: undefined }, refused], crafted, crafted.facts.projects.api, ranked);
    expect(free.questions.some((q) => q.includes('FR2'))).toBe(true);
  });

  it('goes, as a lead-in ("The rules are:"), with the change serving most of the items that detail it', () => {
    const crafted = ordersAndRefunds({});
    const ranked = rankedWith(crafted, 'refund', [
      ['libs/api/src/order/order.service.ts', 1],
      ['libs/api/src/refund/refund-policy.ts', 0.9],
    ]);
    const plan = planChanges(
      [
        stated('The rules are:', 'FR1'),
        stated('A refund above the refund limit is refused.', 'FR1.1'),
        stated('The refund limit is per customer.', 'FR1.2'),
        stated('Orders list their order lines.', 'FR2'),
      ],
      crafted,
      crafted.facts.projects.api,
      ranked,
    );
    expect(plan.changes.find((c) => c.path === 'libs/api/src/refund/refund-policy.ts')?.requirements.map((r) => r.id)).toEqual(['FR1.1', 'FR1.2', 'FR1']);
    expect(plan.questions.some((q) => q.includes('FR1 '))).toBe(false);
  });

  it('goes with the change of the requirement before it when it points back at it', () => {
    const crafted = ordersAndRefunds({});
    const ranked = rankedWith(crafted, 'order', [['libs/api/src/order/order.service.ts', 1]]);
    const lines = stated('Orders list their order lines.', 'FR1');
    const continued = stated('This must also hold while archived.', 'FR2');
    const apart = stated('Everything must also hold while archived.', 'FR3');
    const plan = planChanges([lines, continued, apart], crafted, crafted.facts.projects.api, ranked);
    expect(plan.changes.find((c) => c.path === 'libs/api/src/order/order.service.ts')?.requirements.map((r) => r.id)).toEqual(['FR1', 'FR2']);
    expect(plan.questions.some((q) => q.includes('FR3'))).toBe(true);
  });

  it('makes a file named to read the change for a requirement that, read on its own, leads to it first', () => {
    const crafted = ordersAndRefunds({
      'libs/api/src/audit/journal.ts': 'export function record(entry: { author: string }) { return entry.author; }\n',
    });
    // Found for the text as a whole, but not surely (well below the best file): named to read.
    const ranked = rankedWith(crafted, 'order', [
      ['libs/api/src/order/order.service.ts', 1],
      ['libs/api/src/refund/refund-policy.ts', 0.5],
    ]);
    const lines = stated('Orders list their order lines.', 'FR1');
    const refused = stated('A refund above the refund limit is refused.', 'FR2');
    const audited = stated('Each entry names its author.', 'FR3');
    const plan = planChanges([lines, refused, audited], crafted, crafted.facts.projects.api, ranked);
    expect(plan.changes.find((c) => c.path === 'libs/api/src/refund/refund-policy.ts')).toMatchObject({
      action: 'Change `refundLimit`',
      requirements: [expect.objectContaining({ id: 'FR2' })],
    });
    expect(plan.questions.some((q) => q.includes('FR2'))).toBe(false);
    // A file the ranking did not find for the text is not made a change on one requirement's words alone.
    expect(plan.changes.some((c) => c.path === 'libs/api/src/audit/journal.ts')).toBe(false);
    expect(plan.questions.some((q) => q.includes('FR3'))).toBe(true);
  });
});
