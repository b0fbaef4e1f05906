import { testRule } from '../test-utils/rule-tester';
import { memorySource } from '../../test-utils/memory-source';
import { planText, shopWorkspace, SHOP_FACTS, SHOP_FILES } from '../test-utils/fixture-workspace';
import { createLintWorkspace } from '../workspace-view';
import { fileExists } from './gp005-file-exists';

const PLAN = 'apps/api/product-development/checkout/plan.md';

testRule(fileExists, {
  valid: [
    { name: 'existing files and folders', plan: planText('Change `apps/api/src/main.ts` and [util](libs/shared/util/src/index.ts) in `libs/shared/util/`.') },
    { name: 'new files under a project', plan: planText('- [ ] Create `libs/shared/util/src/lib/csv.ts`\n- [ ] Test `apps/api/src/csv.spec.ts` (new)') },
    { name: "a path relative to the plan's project", plan: planText('Change `src/app/orders/orders.service.ts`.'), file: PLAN },
    { name: 'a link relative to the plan', plan: planText('See [main](../../src/main.ts).'), file: PLAN },
    { name: 'slashes that are not paths', plan: planText('Return `text/csv` for `read/write` users.') },
  ],
  invalid: [
    {
      name: 'a misspelt path, with the nearest one',
      plan: planText('Change `apps/api/src/app/order/orders.servce.ts`.'),
      errors: [{ messageId: 'missing', line: 7, column: 8, suggestion: 'apps/api/src/app/orders/orders.service.ts' }],
    },
    {
      name: 'a moved file, found by its name',
      plan: planText('Change `libs/shared/src/money.ts`.'),
      errors: [{ messageId: 'missing', suggestion: 'libs/shared/util/src/lib/money.ts' }],
    },
    {
      name: 'a new file outside every project',
      plan: planText('Create `tools/scripts/export.ts`.'),
      workspace: createLintWorkspace(SHOP_FACTS, memorySource({ ...SHOP_FILES, 'tools/README.md': '' })),
      errors: [{ messageId: 'newOutsideProjects' }],
    },
    {
      name: 'a missing folder',
      plan: planText('Read `libs/shared/utils/`.'),
      workspace: shopWorkspace(),
      errors: [{ messageId: 'missing', suggestion: 'libs/shared/util' }],
    },
  ],
});
