/**
 * What a small product team's repository holds before it meets Groundplan: an API and a web app over two
 * libraries, imports between them (so the project graph has edges), tags with module-boundary rules, and
 * CODEOWNERS. Paths are workspace-relative.
 */
export const PROJECT_FILES: Record<string, string> = {
  'tsconfig.base.json': `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "strict": true,
    "baseUrl": ".",
    "paths": {
      "@acme/shared-types": ["libs/shared-types/src/index.ts"],
      "@acme/orders-data": ["libs/orders-data/src/index.ts"]
    }
  }
}
`,
  'eslint.config.mjs': `import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data-access', 'type:types'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:types'] },
            { sourceTag: 'type:types', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
];
`,
  '.github/CODEOWNERS': `/apps/api/ @acme/backend
/apps/web/ @acme/frontend
/libs/ @acme/platform
`,
  'libs/shared-types/project.json': project('shared-types', 'libs/shared-types', 'library', ['scope:shared', 'type:types']),
  'libs/shared-types/src/index.ts': `export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'cancelled';

export interface Order {
  id: string;
  customerId: string;
  status: OrderStatus;
  total: number;
  createdAt: string;
}

export interface OrderFilter {
  status?: OrderStatus;
  from?: string;
  to?: string;
}
`,
  'libs/orders-data/project.json': project('orders-data', 'libs/orders-data', 'library', ['scope:orders', 'type:data-access']),
  'libs/orders-data/src/index.ts': `export * from './lib/orders-repository';
`,
  'libs/orders-data/src/lib/orders-repository.ts': `import type { Order, OrderFilter } from '@acme/shared-types';

export class OrdersRepository {
  constructor(private readonly orders: Order[] = []) {}

  findAll(filter: OrderFilter): Order[] {
    return this.orders.filter(
      (order) =>
        (!filter.status || order.status === filter.status) &&
        (!filter.from || order.createdAt >= filter.from) &&
        (!filter.to || order.createdAt <= filter.to),
    );
  }
}
`,
  'apps/api/project.json': project('api', 'apps/api', 'application', ['scope:orders', 'type:app']),
  'apps/api/src/main.ts': `import { OrdersController } from './orders/orders.controller';

export const routes = { '/orders': new OrdersController() };
`,
  'apps/api/src/orders/orders.service.ts': `import { OrdersRepository } from '@acme/orders-data';
import type { Order, OrderFilter } from '@acme/shared-types';

export class OrdersService {
  constructor(private readonly repository = new OrdersRepository()) {}

  list(filter: OrderFilter): Order[] {
    return this.repository.findAll(filter);
  }
}
`,
  'apps/api/src/orders/orders.controller.ts': `import type { Order, OrderFilter } from '@acme/shared-types';
import { OrdersService } from './orders.service';

export class OrdersController {
  constructor(private readonly service = new OrdersService()) {}

  list(filter: OrderFilter): Order[] {
    return this.service.list(filter);
  }
}
`,
  'apps/api/src/orders/orders.service.spec.ts': `import { OrdersService } from './orders.service';

test('lists no orders from an empty repository', () => {
  expect(new OrdersService().list({})).toEqual([]);
});
`,
  'apps/web/project.json': project('web', 'apps/web', 'application', ['scope:orders', 'type:app']),
  'apps/web/src/orders-table.ts': `import type { Order } from '@acme/shared-types';

export function ordersTable(orders: Order[]): string[][] {
  return orders.map((order) => [order.id, order.status, order.total.toFixed(2)]);
}
`,
};

function project(name: string, root: string, projectType: string, tags: string[]): string {
  return `${JSON.stringify({ name, $schema: '../../node_modules/nx/schemas/project-schema.json', sourceRoot: `${root}/src`, projectType, tags }, null, 2)}\n`;
}

/** The feature the tests plan: CSV export of the orders in the api. */
export const FEATURE_INPUTS = {
  jtbd: `# Jobs to be done: order export

When I reconcile the month's orders, I want to export the filtered orders of the api as CSV,
so I can check them in a spreadsheet without asking an engineer.
`,
  prd: `# PRD: CSV export of orders

## Problem

Finance reconciles orders by hand from the list that \`OrdersController\` returns in
\`apps/api/src/orders/orders.controller.ts\`.

## Requirements

- The API must export the orders that match an \`OrderFilter\` as CSV.
- The export must reuse \`OrdersRepository.findAll\` from \`orders-data\`.
- Each row should hold the order id, customer id, status, total and creation date.
- Only signed-in finance users shall download the export.

## Acceptance criteria

- Exporting with a status filter returns only orders with that status.
- An empty result returns a CSV with the header row only.
`,
  spec: `# Feature specification: CSV export of orders

## User scenarios

As a finance analyst, I export the orders that match a filter as CSV, so I can reconcile them in a spreadsheet.

## Functional requirements

- FR-001: The system must export the orders that match an \`OrderFilter\` as CSV, one row per order.
- FR-002: The export must reuse \`OrdersRepository.findAll\` from \`orders-data\`.
- FR-003: Only signed-in finance users may download the export.

## Success criteria

- An export of ten thousand orders completes in one request.
`,
  constitution: `# Acme engineering constitution

## I. Library first

Every capability lives in a library under \`libs/\` before an app uses it.

## II. Test first

Every change comes with tests that fail before it and pass after it.

## III. Simplicity

Prefer the smallest change that meets the requirement; no speculative abstraction.
`,
  task: `Add a CSV export endpoint to the api: GET /orders/export returns the orders that match an OrderFilter
as CSV (id, customer id, status, total, creation date), reusing OrdersRepository.findAll from orders-data.
`,
};

/**
 * What the test's Claude answers: a checklist plan grounded in the fixture. `csvFile` is how it names the one
 * file the feature adds; without "(new)" after it, that is a path that does not exist, which lint-plan rejects.
 */
export function modelPlan(csvFile: string): string {
  return `# Implementation Plan: CSV export of orders

## Feature Summary

Export the orders that match an \`OrderFilter\` as CSV from \`api\`, reusing \`OrdersRepository\`.

## Architecture Overview

The change lands in \`api\`: \`apps/api/src/orders/orders.controller.ts\` exposes the export, and
\`apps/api/src/orders/orders.service.ts\` builds it from \`libs/orders-data/src/lib/orders-repository.ts\`.

## Key Technical Decisions

- Build the rows in \`OrdersService\` from what \`OrdersRepository\` returns, rather than query the orders again.

## Dependencies & Assumptions

- \`api\` depends on \`orders-data\` and \`shared-types\`; each row comes from an \`Order\`.

## Implementation Checklist

### Backend

- [ ] Add \`exportCsv(filter: OrderFilter)\` to \`OrdersService\` in \`apps/api/src/orders/orders.service.ts\`
- [ ] Write the CSV serialiser in ${csvFile}
- [ ] Expose the export from \`OrdersController\` in \`apps/api/src/orders/orders.controller.ts\`

### Frontend

No frontend work follows from the inputs.

### Shared Code

No shared code changes: \`Order\` and \`OrderFilter\` already carry every column.

### Security

- [ ] Restrict the export to signed-in finance users in \`OrdersController\`

### Testing

- [ ] Test the export in \`apps/api/src/orders/orders.service.spec.ts\` with a status filter and with no orders
`;
}
