import type { CodeSymbol } from '../code/types';
import { PLAN_MARKDOWNLINT_CONFIG } from '../lint/rules/gp010-markdown';
import type { PlanData, Requirement, WorkItem } from './plan-data';
import { loadBuiltInTemplates } from './load-templates';
import { renderTemplate } from './render-template';
import type { PlanTemplate } from './template';

/**
 * Every built-in template must parse, render any model (a full one and one with every list empty) into a plan
 * that has each declared section in order with text under it, leaves no placeholder behind, obeys the
 * template's own forbidden rules and is clean for markdownlint.
 */

const BUILT_IN_IDS = ['checklist', 'design-doc', 'phased', 'speckit', 'task-blueprint'];

function sym(name: string, kind: CodeSymbol['kind'], signature: string, extra: Partial<CodeSymbol> = {}): CodeSymbol {
  return { name, kind, signature, exported: true, line: 1, decorators: [], members: [], ...extra };
}

const ordersService = sym('OrdersService', 'class', 'class OrdersService', {
  line: 29,
  decorators: ['@Injectable()'],
  doc: 'Order lifecycle: querying for the dashboard, checkout, status transitions.',
  members: [
    sym('list', 'method', 'list(query: ListOrdersQuery): Promise<Page<Order>>', { line: 37, doc: 'One page of orders matching `query`, newest first.' }),
    sym('get', 'method', 'async get(id: string): Promise<Order>', { line: 42 }),
  ],
});
const ordersController = sym('OrdersController', 'class', 'class OrdersController', {
  decorators: ["@Controller('orders')"],
  members: [sym('list', 'method', 'list(@Query() query: ListOrdersQueryDto): Promise<Page<Order>>', { decorators: ['@Get()', "@Roles('staff', 'admin')"] })],
});
const orderFilters = sym('OrderFilters', 'interface', 'interface OrderFilters', {
  members: [sym('status', 'property', 'status?: OrderStatus[]'), sym('placedFrom', 'property', 'placedFrom?: string')],
});
const orderEntity = sym('OrderEntity', 'class', 'class OrderEntity', { decorators: ["@Entity('orders')"] });
const toCsvRow = sym('formatMoney', 'function', 'function formatMoney(value: Money): string');

const requirements: Requirement[] = [
  {
    id: 'FR-1',
    kind: 'requirement',
    area: 'backend',
    text: 'GET /api/orders/export returns a CSV of the orders matching the current filters.',
    source: 'PRD.md:61',
  },
  { id: 'FR-2', kind: 'requirement', area: 'frontend', text: 'The orders page shows an Export CSV button to admins only.', source: 'PRD.md:64' },
  { id: 'NFR-1', kind: 'nonfunctional', area: 'security', text: 'Every export is audited with the user, the filters and the row count.', source: 'PRD.md:80' },
  { id: 'AC-1', kind: 'acceptance', area: 'testing', text: 'Amounts in the file reconcile to the cent with the dashboard.', source: 'PRD.md:92' },
];

function item(id: string, overrides: Partial<WorkItem>): WorkItem {
  return {
    id,
    title: `Work item ${id}`,
    area: 'backend',
    project: 'api',
    files: [],
    requirements: [],
    acceptance: [],
    complexity: 'medium',
    complexityBasis: 'one service method and one controller route in one project',
    dependsOn: [],
    owners: [],
    ...overrides,
  };
}

const tasks: WorkItem[] = [
  item('task-001', {
    title: 'Add `OrderExportQuery` to `@shop/shared-types` reusing `OrderFilters`',
    area: 'shared',
    project: 'shared-types',
    files: ['libs/shared/types/src/lib/order.ts'],
    requirements: [requirements[0]],
    acceptance: ['`OrderExportQuery` accepts every filter `OrderFilters` accepts'],
    complexity: 'low',
    complexityBasis: 'one exported type in one library',
    pattern: { path: 'libs/shared/types/src/lib/order.ts', symbol: orderFilters },
    owners: ['@acme-shop/commerce-api', '@acme-shop/storefront-web'],
  }),
  item('task-002', {
    title: 'Add `exportCsv()` to `OrdersService` in `apps/api/src/app/orders/orders.service.ts`',
    files: ['apps/api/src/app/orders/orders.service.ts', 'apps/api/src/app/orders/orders.controller.ts'],
    requirements: [requirements[0], requirements[3]],
    acceptance: ['The CSV holds exactly the rows `list()` returns for the same filters', 'Amounts are plain decimals with a separate currency column'],
    complexityBasis: 'extends `OrdersService` and adds one admin route; touches the public API of `api`',
    pattern: { path: 'apps/api/src/app/orders/orders.service.ts', symbol: ordersService },
    dependsOn: ['task-001'],
    owners: ['@acme-shop/commerce-api', '@acme-shop/order-ops'],
  }),
  item('task-003', {
    title: 'Restrict the export route to `admin` and audit every export',
    area: 'security',
    files: ['apps/api/src/app/orders/orders.controller.ts'],
    requirements: [requirements[2]],
    acceptance: ['A `staff` user gets 403 from the export route'],
    complexity: 'high',
    complexityBasis: 'touches the RBAC guard path and adds an audit record',
    pattern: { path: 'apps/api/src/app/orders/orders.controller.ts', symbol: ordersController },
    dependsOn: ['task-002'],
    owners: ['@acme-shop/commerce-api', '@acme-shop/order-ops'],
  }),
  item('task-004', {
    title: 'Add an Export CSV button to `OrdersPage` for admins',
    area: 'frontend',
    project: 'web',
    files: ['apps/web/src/app/pages/OrdersPage.tsx'],
    requirements: [requirements[1]],
    complexity: 'low',
    complexityBasis: 'one component in one application',
    dependsOn: ['task-002'],
    owners: [],
  }),
  item('task-005', {
    title: 'Cover the export in `orders.service.spec.ts` and a Playwright spec in `web-e2e`',
    area: 'testing',
    files: ['apps/api/src/app/orders/orders.service.spec.ts'],
    requirements: [requirements[3]],
    acceptance: [],
    dependsOn: ['task-002', 'task-004'],
    owners: ['@acme-shop/commerce-api', '@acme-shop/order-ops'],
  }),
];

function fullModel(): PlanData {
  return {
    feature: { id: 'current-feature', title: 'Order export to CSV', branch: '42-order-export-csv' },
    created: '2025-07-14',
    drafter: 'offline',
    project: {
      name: 'api',
      root: 'apps/api',
      type: 'application',
      tags: ['scope:api', 'type:app'],
      importPath: undefined,
      targets: [
        { name: 'build', kind: 'build', executor: '@nx/webpack:webpack' },
        { name: 'test', kind: 'test', executor: '@nx/jest:jest' },
      ],
    },
    inputs: [
      { kind: 'prd', origin: 'apps/api/product-development/current-feature/PRD.md' },
      { kind: 'jtbd', origin: 'apps/api/product-development/current-feature/JTBD.md' },
      { kind: 'constitution', origin: 'product-development/constitution.md' },
    ],
    summary: 'Admins download the orders they filtered on the dashboard as a CSV file, restricted to admins and audited.',
    problem: 'Admins page through the orders table 25 rows at a time or ask engineering for a SQL dump.',
    solution: 'A streamed CSV export behind the same filters as `GET /api/orders`, with an Export button on the orders page.',
    goals: [{ text: 'An admin downloads exactly the filtered orders in one click.', source: 'PRD.md:22' }],
    nonGoals: [{ text: 'Scheduled or e-mailed exports.', source: 'PRD.md:31' }],
    assumptions: [{ text: 'The existing `OrderFilters` cover every filter the page offers.', source: 'PRD.md:40' }],
    openQuestions: [{ text: 'Should cancelled orders be included by default?', source: 'PRD.md:120' }],
    successCriteria: [{ text: 'Month-end reconciliation needs no manual copying.', source: 'PRD.md:110' }],
    requirements,
    areas: [
      { id: 'backend', title: 'Backend', items: [tasks[1]] },
      { id: 'frontend', title: 'Frontend', items: [tasks[3]] },
      { id: 'shared', title: 'Shared Code', items: [tasks[0]] },
      { id: 'security', title: 'Security', items: [tasks[2]] },
      { id: 'testing', title: 'Testing', items: [tasks[4]] },
    ],
    tasks,
    architecture: {
      touched: [
        {
          name: 'api',
          root: 'apps/api',
          score: 0.92,
          why: 'holds `OrdersService` and `OrdersController`',
          type: 'application',
          tags: ['scope:api', 'type:app'],
          side: 'backend',
        },
        { name: 'web', root: 'apps/web', score: 0.61, why: 'renders the orders page', type: 'application', tags: ['scope:web', 'type:app'], side: 'frontend' },
        {
          name: 'shared-types',
          root: 'libs/shared/types',
          score: 0.44,
          why: 'defines `OrderFilters`.',
          type: 'library',
          tags: ['scope:shared', 'type:types'],
          side: 'shared',
        },
      ],
      dependencies: [
        {
          name: 'shared-types',
          root: 'libs/shared/types',
          type: 'library',
          tags: ['scope:shared', 'type:types'],
          importPath: '@shop/shared-types',
          targets: [],
        },
        {
          name: 'api-data-access',
          root: 'libs/api/data-access',
          type: 'library',
          tags: ['scope:api', 'type:data-access'],
          importPath: '@shop/api-data-access',
          targets: [],
        },
      ],
      dependents: [
        { name: 'api-e2e', root: 'apps/api-e2e', type: 'e2e', tags: [], targets: [], uses: [{ name: 'OrdersService', path: 'apps/api-e2e/src/orders.ts' }] },
      ],
      constraints: ['`type:app` may depend on `type:data-access`, `type:ui`, `type:util` and `type:types`', '`scope:web` never imports `scope:api`'],
      stack: [
        { name: 'TypeScript', category: 'language', evidence: 'package.json: typescript' },
        { name: 'NestJS', category: 'framework', evidence: 'package.json: @nestjs/core' },
        { name: 'React', category: 'ui', evidence: 'package.json: react' },
        { name: 'TanStack Query', category: 'api', evidence: 'package.json: @tanstack/react-query' },
        { name: 'PostgreSQL', category: 'database', evidence: 'package.json: pg' },
        { name: 'TypeORM', category: 'orm', evidence: 'package.json: @nestjs/typeorm' },
        { name: 'BullMQ', category: 'queue', evidence: 'package.json: bullmq' },
        { name: 'class-validator', category: 'validation', evidence: 'package.json: class-validator' },
        { name: 'Jest', category: 'test', evidence: 'api:test runs @nx/jest:jest' },
        { name: 'Playwright', category: 'test', evidence: 'package.json: @playwright/test' },
        { name: 'Vite', category: 'build', evidence: 'web:build runs `vite build`' },
      ],
      diagram: 'flowchart LR\n  api["api (application)"] --> shared-types["shared-types (library)"]\n  web["web (application)"] --> shared-types',
      components: [
        {
          path: 'apps/api/src/app/orders/orders.service.ts',
          project: 'api',
          role: 'service',
          score: 0.9,
          why: 'matches orders, filters',
          symbols: [ordersService],
          tokens: 420,
        },
        {
          path: 'apps/api/src/app/orders/orders.controller.ts',
          project: 'api',
          role: 'controller',
          score: 0.8,
          why: 'routes `/orders`',
          symbols: [ordersController],
          tokens: 210,
        },
        {
          path: 'apps/web/src/app/pages/OrdersPage.tsx',
          project: 'web',
          role: 'component',
          score: 0.7,
          why: 'the orders page',
          symbols: [sym('OrdersPage', 'function', 'function OrdersPage(): JSX.Element')],
          tokens: 300,
        },
        {
          path: 'libs/shared/types/src/lib/order.ts',
          project: 'shared-types',
          role: 'model',
          score: 0.6,
          why: 'order wire types',
          symbols: [orderFilters],
          tokens: 150,
        },
      ],
      reuse: [
        { project: 'shared-util', importPath: '@shop/shared-util', why: 'formats `Money` as decimals', exports: ['formatMoney', 'sumMoney'] },
        { project: 'api-data-access', importPath: '@shop/api-data-access', why: 'date filters and pagination', exports: ['whereInDateRange', 'paginate'] },
      ],
    },
    decisions: [
      { title: 'Reuse the list query', rationale: "Building the export on `OrdersService.list`'s query keeps the file and the table in agreement." },
      { title: 'Stream the response', rationale: 'Streaming keeps memory flat for a month of orders.' },
    ],
    testing: {
      targets: [
        { project: 'api', target: 'test', command: 'nx run api:test', kind: 'test' },
        { project: 'web-e2e', target: 'e2e', command: 'nx run web-e2e:e2e', kind: 'e2e' },
      ],
      specs: ['apps/api/src/app/orders/orders.service.spec.ts', 'apps/web/src/app/pages/OrdersPage.spec.tsx'],
      unit: ['`exportCsv()` writes one row per order with amounts as decimals'],
      integration: ['`GET /api/orders/export` applies the same filters as `GET /api/orders`'],
      e2e: ['An admin filters by status and downloads a CSV with the same rows'],
      security: ['A `staff` user receives 403 and no file', 'Cells starting with `=`, `+`, `-` or `@` are neutralised against formula injection'],
    },
    risks: [
      { risk: 'Large exports hold the request open', mitigation: 'Stream rows with a cursor and cap the export at the page filters.' },
      { risk: 'Spreadsheet formula injection through customer names', mitigation: 'Prefix risky cells with a quote and cover it in `orders.service.spec.ts`.' },
    ],
    size: {
      projects: 3,
      files: 5,
      publicApi: 2,
      requirements: 4,
      label: 'medium',
      days: [3, 5],
      basis: '3 projects, 5 files, 2 public API symbols and 4 requirements make a medium change',
    },
    phases: [
      { name: 'Foundation', goal: 'Shared contracts the export builds on.', items: [tasks[0]], days: [1, 1] },
      { name: 'Core Implementation', goal: 'The export route and the admin-only button.', items: [tasks[1], tasks[2], tasks[3]], days: [2, 3] },
      { name: 'Polish and Integration', goal: 'Tests across the stack.', items: [tasks[4]], days: [1, 1] },
    ],
    owners: [
      { path: 'apps/api/src/app/orders/orders.service.ts', owners: ['@acme-shop/commerce-api', '@acme-shop/order-ops'] },
      { path: 'libs/shared/types/src/lib/order.ts', owners: ['@acme-shop/commerce-api', '@acme-shop/storefront-web'] },
    ],
    constitution: [
      { title: 'Library-First', text: 'New behaviour goes into a library.', howMet: 'The export query type lives in `@shop/shared-types`.' },
      {
        title: 'Test-First (NON-NEGOTIABLE)',
        text: 'Write the tests first.',
        howMet: 'task-005 writes the service spec and the Playwright spec before the route ships.',
      },
    ],
    task: {
      title: 'Add `exportCsv()` to `OrdersService`',
      text: 'Add an export method to `OrdersService` that streams a CSV of the filtered orders.\n\n- Same filters as `list()`\n- Amounts as decimals',
      origin: 'apps/api/product-development/current-feature/tasks/task-002.md',
    },
    alternatives: [
      {
        name: 'Stream from a query cursor',
        summary: 'Reuse the list query and stream rows as they are read.',
        pros: ['Flat memory', 'Same filters as the table'],
        cons: ['Needs a streaming response'],
        selected: true,
      },
      {
        name: 'Page through `list()`',
        summary: 'Call `list()` page by page and concatenate.',
        pros: ['No new query code'],
        cons: ['Many round trips', 'Pages can shift while exporting'],
        selected: false,
      },
      {
        name: 'Background job on BullMQ',
        summary: 'Queue the export and e-mail a link.',
        pros: ['No long request'],
        cons: ['Out of scope for this task (non-goal)'],
        selected: false,
      },
    ],
    contracts: [
      { path: 'apps/api/src/app/orders/orders.service.ts', symbol: ordersService },
      { path: 'libs/shared/types/src/lib/order.ts', symbol: orderFilters },
      { path: 'libs/shared/util/src/lib/money.ts', symbol: toCsvRow },
    ],
    edgeCases: [
      { text: 'No order matches the filters: the file holds the header row only.', source: 'PRD.md:98' },
      { text: 'A customer name contains a comma, a quote or a newline.', source: 'PRD.md:101' },
    ],
    dataModel: [
      { path: 'apps/api/src/app/orders/order.entity.ts', symbol: orderEntity },
      { path: 'libs/shared/types/src/lib/order.ts', symbol: orderFilters },
    ],
    release: [
      { project: 'api', target: { name: 'build', kind: 'build', executor: '@nx/webpack:webpack' } },
      { project: 'web', target: { name: 'build', kind: 'build', executor: 'nx:run-commands', command: 'vite build' } },
      { project: 'web-e2e', target: { name: 'e2e', kind: 'e2e', executor: '@nx/playwright:playwright' } },
    ],
  };
}

/** The same feature with every list empty (and no task, diagram or branch): each section must still say something. */
function emptyModel(): PlanData {
  const { task: _task, ...full } = fullModel();
  return {
    ...full,
    feature: { ...full.feature, branch: '' },
    project: { ...full.project, tags: [], targets: [] },
    inputs: [],
    goals: [],
    nonGoals: [],
    assumptions: [],
    openQuestions: [],
    successCriteria: [],
    requirements: [],
    areas: full.areas.map((a) => ({ ...a, items: [] })),
    tasks: [],
    architecture: { touched: [], dependencies: [], dependents: [], constraints: [], stack: [], diagram: '', components: [], reuse: [] },
    decisions: [],
    testing: { targets: [], specs: [], unit: [], integration: [], e2e: [], security: [] },
    risks: [],
    size: { projects: 0, files: 0, publicApi: 0, requirements: 0, label: 'small', days: [1, 1], basis: 'nothing to change was found' },
    phases: [],
    owners: [],
    constitution: [],
    alternatives: [],
    contracts: [],
    edgeCases: [],
    dataModel: [],
    release: [],
  };
}

/** Every list empty and every free text blank too (inputs that say almost nothing). */
function blankModel(): PlanData {
  return { ...emptyModel(), summary: '', problem: '', solution: '' };
}

interface Heading {
  level: number;
  text: string;
  line: number;
}

function headingsOf(markdown: string): Heading[] {
  const headings: Heading[] = [];
  let fenced = false;
  markdown.split('\n').forEach((line, i) => {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const match = !fenced && /^(#{1,6}) (.+)$/.exec(line);
    if (match) headings.push({ level: match[1].length, text: match[2].trim(), line: i });
  });
  return headings;
}

/** Lines of a section: from its heading to the next heading of the same or a higher level. */
function sectionLines(markdown: string, heading: Heading, headings: Heading[]): string[] {
  const lines = markdown.split('\n');
  const next = headings.find((h) => h.line > heading.line && h.level <= heading.level);
  return lines.slice(heading.line + 1, next ? next.line : lines.length);
}

/** Prose only: fenced code and inline code removed, as a linter would see it. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

let lint: (name: string, text: string) => Promise<string[]>;

beforeAll(async () => {
  const { lint: markdownlint } = await import('markdownlint/promise');
  lint = async (name, text) => {
    const results = await markdownlint({ strings: { [name]: text }, config: PLAN_MARKDOWNLINT_CONFIG });
    return results[name].map((r) => `${r.lineNumber}: ${r.ruleNames.join('/')} ${r.ruleDescription}${r.errorDetail ? ` (${r.errorDetail})` : ''}`);
  };
});

describe('built-in templates', () => {
  const templates = loadBuiltInTemplates();

  it('ships the five plan formats', () => {
    expect([...templates.keys()].sort()).toEqual(BUILT_IN_IDS);
  });

  describe.each(BUILT_IN_IDS)('%s', (id) => {
    const template = templates.get(id) as PlanTemplate;
    const models: Array<[string, () => PlanData]> = [
      ['a full model', fullModel],
      ['a model with every list empty', emptyModel],
      ['a model with every list empty and blank texts', blankModel] as [string, () => PlanData],
    ];

    it('declares guidance for every section and instructions for a model drafter', () => {
      expect(template.instructions).not.toBe('');
      for (const section of template.sections) expect(section.guidance).not.toBe('');
      expect(template.forbidden.length).toBeGreaterThan(0);
    });

    describe.each(models)('rendered with %s', (_label, makeModel) => {
      const plan = renderTemplate(template, makeModel());
      const headings = headingsOf(plan);

      it('starts with one H1', () => {
        expect(plan.startsWith('# ')).toBe(true);
        expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
      });

      it('has every declared section, at its level, in order', () => {
        let from = 0;
        for (const section of template.sections) {
          const index = headings.findIndex((h, i) => i >= from && h.level === section.level && h.text === section.title);
          expect({ section: section.title, found: index >= 0 }).toEqual({ section: section.title, found: true });
          from = index + 1;
        }
      });

      it("has each section's groups, in order, inside the section", () => {
        for (const section of template.sections.filter((s) => s.groups.length > 0)) {
          const heading = headings.find((h) => h.level === section.level && h.text === section.title) as Heading;
          const inside = headingsOf(sectionLines(plan, heading, headings).join('\n')).map((h) => h.text);
          const found = inside.filter((text) => section.groups.includes(text));
          expect(found).toEqual(section.groups);
        }
      });

      it('gives every section and sub-section a line of text', () => {
        for (const heading of headings) {
          const text = sectionLines(plan, heading, headings).filter((line) => line.trim() !== '' && !/^#{1,6} /.test(line));
          expect({ heading: heading.text, hasText: text.length > 0 }).toEqual({ heading: heading.text, hasText: true });
        }
      });

      it('leaves no EJS, placeholder or unfinished marker behind', () => {
        for (const marker of ['<%', '%>', '[FEATURE', '$ARGUMENTS', '{{', 'undefined', 'NaN', '[object Object]']) {
          expect({ marker, found: plan.includes(marker) }).toEqual({ marker, found: false });
        }
        expect(plan).not.toMatch(/\b(?:TODO|TBD)\b/);
        expect(plan).not.toMatch(/\{[A-Z][A-Za-z ]+\}|\[[A-Z][A-Z ]+\]/);
      });

      it("obeys the template's own forbidden rules", () => {
        const text = prose(plan);
        for (const rule of template.forbidden) {
          const match = new RegExp(rule.pattern, 'iu').exec(text);
          expect({ rule: rule.id, match: match?.[0] }).toEqual({ rule: rule.id, match: undefined });
        }
      });

      it('is clean for markdownlint', async () => {
        expect(await lint(`${id}.md`, plan)).toEqual([]);
      });
    });

    it('holds `- [ ]` items in every checklist section of a full plan', () => {
      const plan = renderTemplate(template, fullModel());
      const headings = headingsOf(plan);
      for (const section of template.sections.filter((s) => s.checklist)) {
        const heading = headings.find((h) => h.level === section.level && h.text === section.title) as Heading;
        expect(sectionLines(plan, heading, headings).some((line) => line.startsWith('- [ ] '))).toBe(true);
      }
    });
  });
});

describe('built-in templates use the drafted facts', () => {
  const templates = loadBuiltInTemplates();
  const render = (id: string, model: PlanData) => renderTemplate(templates.get(id) as PlanTemplate, model);

  it('design-doc names CODEOWNERS handles as owners, and says so when none cover a step', () => {
    const plan = render('design-doc', fullModel());
    expect(plan).toContain('| task-002 |');
    expect(plan).toContain('@acme-shop/commerce-api, @acme-shop/order-ops');
    expect(plan).toMatch(/\| task-004 \|[^\n]*\| no CODEOWNERS rule covers these files \|/);
    expect(plan).toContain('`api:build` (build)');
  });

  it('checklist and phased say where a dependent uses the changed code', () => {
    expect(render('checklist', fullModel())).toContain('- `api-e2e` — e2e; `apps/api-e2e/src/orders.ts` uses `OrdersService`');
    expect(render('phased', fullModel())).toContain('(e2e; `apps/api-e2e/src/orders.ts` uses `OrdersService`)');
  });

  it('checklist, whose items carry no ids, says a component is changed in the checklist, not by a task id it never shows', () => {
    const model = fullModel();
    const [first, ...rest] = model.architecture.components;
    const changed = { ...first, why: 'changed by task-002', changedBy: 'task-002' };
    const components = [changed, ...rest];
    const plan = render('checklist', { ...model, architecture: { ...model.architecture, components } });
    expect(plan).toContain(`- \`${first.path}\` — service: \`OrdersService\` (changed in the checklist below)`);
    expect(plan).not.toMatch(/task-\d/);
  });

  it.each(['checklist', 'phased', 'speckit'])('%s lists every component the plan names, not the first eight (the drafter caps them)', (id) => {
    const model = fullModel();
    const [first] = model.architecture.components;
    const components = Array.from({ length: 12 }, (_, n) => ({ ...first, path: `apps/api/src/app/orders/part-${n}.ts`, why: `read for FR${n}` }));
    const plan = render(id, { ...model, architecture: { ...model.architecture, components } });
    for (const { path } of components) expect(plan).toContain(`\`${path}\``);
  });

  it('phased renders each task with checkboxes, key files, a real signature and its complexity basis', () => {
    const plan = render('phased', fullModel());
    expect(plan).toContain('#### task-002: Add `exportCsv()` to `OrdersService`');
    expect(plan).toContain('- [ ] The CSV holds exactly the rows `list()` returns for the same filters');
    expect(plan).toContain(
      '```ts\n/** Order lifecycle: querying for the dashboard, checkout, status transitions. */\n@Injectable()\nexport class OrdersService {',
    );
    expect(plan).toContain('  list(query: ListOrdersQuery): Promise<Page<Order>>;');
    expect(plan).toContain('**Complexity**: medium (extends `OrdersService`');
    expect(plan).toContain('| NestJS | framework | package.json: @nestjs/core |');
    expect(plan).toContain('3–5 days');
  });

  it('task-blueprint lists the alternatives with the selected one and the contracts as signatures', () => {
    const plan = render('task-blueprint', fullModel());
    expect(plan).toContain('# Implementation Plan: Add `exportCsv()` to `OrdersService`');
    expect(plan).toContain('**Stream from a query cursor** (selected)');
    expect(plan).toContain('export interface OrderFilters {');
    expect(plan).toContain('`apps/api/src/app/orders/orders.service.spec.ts`');
  });

  it('speckit describes the detected stack, not a hard-coded one', () => {
    const model = fullModel();
    model.architecture.stack = [
      { name: 'Express', category: 'framework', evidence: 'package.json: express' },
      { name: 'Vue', category: 'ui', evidence: 'package.json: vue' },
      { name: 'MongoDB', category: 'database', evidence: 'package.json: mongoose' },
    ];
    const plan = render('speckit', model);
    expect(plan).toContain('Express');
    expect(plan).toContain('Vue');
    expect(plan).toContain('MongoDB');
    for (const name of ['NestJS', 'Next.js', 'PostgreSQL', 'Redis']) expect(plan).not.toContain(name);
  });

  it('speckit checks each constitution principle, and says when there is none', () => {
    expect(render('speckit', fullModel())).toContain('Test-First (NON-NEGOTIABLE)');
    expect(render('speckit', emptyModel())).toContain('No constitution.md was found for this feature.');
  });
});
