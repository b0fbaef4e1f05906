import { changeSet } from '../test-utils/changes';
import { planText } from '../test-utils/fixture-workspace';
import { testRule } from '../test-utils/rule-tester';
import { unplannedChangesRule } from './gp013-unplanned-changes';

const CONTROLLER = 'apps/api/src/app/orders/orders.controller.ts';
const PLAN = 'apps/api/product-development/checkout/plan.md';
const plan = (...items: string[]) => planText(`# Plan\n\nThe export starts in \`apps/api/src/main.ts\`.\n\n## Implementation Checklist\n\n${items.join('\n')}`);

testRule(unplannedChangesRule, {
  valid: [
    { name: 'without --against', plan: plan(`- [x] Update \`${CONTROLLER}\``) },
    {
      name: 'every change is named (in an item or the prose)',
      plan: plan(`- [x] Update \`${CONTROLLER}\``),
      changes: changeSet(`M ${CONTROLLER}:1`, 'M apps/api/src/main.ts:1'),
    },
    {
      name: 'test files never count',
      plan: plan(`- [x] Update \`${CONTROLLER}\``),
      changes: changeSet('A apps/api/src/app/orders/orders.controller.spec.ts', 'M apps/api/src/__tests__/x.ts'),
    },
    {
      name: 'plans and feature inputs never count: this plan, its feature folder, another feature',
      file: PLAN,
      plan: plan(`- [x] Update \`${CONTROLLER}\``),
      changes: changeSet(`M ${PLAN}:3`, 'A apps/api/product-development/checkout/PRD.md', 'A apps/api/product-development/refunds/plan.md'),
    },
    { name: 'changes in projects the plan does not touch', plan: plan(`- [x] Update \`${CONTROLLER}\``), changes: changeSet('M libs/web/ui/src/index.ts:1') },
    {
      name: 'a folder the plan names covers what is under it',
      plan: plan('- [x] Rework `apps/api/src/app/orders/`'),
      changes: changeSet(`M ${CONTROLLER}:1`, 'A apps/api/src/app/orders/export.ts'),
    },
  ],
  invalid: [
    {
      name: 'an unplanned edit, listed once at the checklist heading',
      plan: plan(`- [x] Update \`${CONTROLLER}\``),
      changes: changeSet(
        `M ${CONTROLLER}:1`,
        'M apps/api/src/app/orders/orders.service.ts:1',
        'D apps/api/src/app/legacy.ts',
        'M libs/shared/util/src/lib/money.ts:1',
      ),
      errors: [
        {
          messageId: 'unplanned',
          line: 11,
          column: 1,
        },
      ],
    },
    {
      name: 'a project the plan names is one of its projects',
      plan: plan(`- [x] Format with \`formatMoney\` from the \`shared-util\` library`),
      changes: changeSet('M libs/shared/util/src/lib/money.ts:1'),
      errors: [{ messageId: 'unplanned' }],
    },
    {
      name: 'a long list is cut',
      plan: plan(`- [x] Update \`${CONTROLLER}\``),
      changes: changeSet(...Array.from({ length: 12 }, (_, i) => `A apps/api/src/app/extra/file-${String(i).padStart(2, '0')}.ts`)),
      errors: [{ messageId: 'unplanned' }],
    },
  ],
});
