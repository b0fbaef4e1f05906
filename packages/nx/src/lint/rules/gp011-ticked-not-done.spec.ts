import { changeSet } from '../test-utils/changes';
import { planText, shopWorkspace } from '../test-utils/fixture-workspace';
import { testRule } from '../test-utils/rule-tester';
import { tickedNotDone } from './gp011-ticked-not-done';

const SERVICE = 'apps/api/src/app/orders/orders.service.ts';
const CONTROLLER = 'apps/api/src/app/orders/orders.controller.ts';
// Line 1-3: the class and its findAll member; line 5-7: a helper.
const SERVICE_TEXT = 'export class OrdersService {\n  findAll() {}\n}\n\nexport function helper() {\n  return 1;\n}\n';
const workspace = shopWorkspace({ [SERVICE]: SERVICE_TEXT });

/** The checklist starts on line 11 of the plan (frontmatter, title, heading). */
const plan = (...items: string[]) => planText(`# Plan\n\n## Implementation Checklist\n\n${items.join('\n')}`);

testRule(tickedNotDone, {
  valid: [
    { name: 'without --against nothing is checked', plan: plan(`- [x] Update \`${CONTROLLER}\``) },
    { name: 'a ticked item whose file changed', plan: plan(`- [x] Update \`${CONTROLLER}\``), changes: changeSet(`M ${CONTROLLER}:1`) },
    { name: 'a ticked item naming no file cannot be checked', plan: plan('- [x] Agree on the CSV columns'), changes: changeSet(`M ${CONTROLLER}:1`) },
    { name: 'an unticked item with no change', plan: plan(`- [ ] Update \`${CONTROLLER}\``), changes: changeSet() },
    {
      name: 'a rename is followed',
      plan: plan(`- [x] Update \`${CONTROLLER}\``),
      changes: changeSet(`R ${CONTROLLER}>apps/api/src/app/orders/orders.http.ts:2`),
    },
    { name: 'the named symbol changed', plan: plan(`- [x] Page \`OrdersService\` in \`${SERVICE}\``), workspace, changes: changeSet(`M ${SERVICE}:2`) },
    { name: 'a ticked new file never created is GP014’s', plan: plan('- [x] Create `apps/api/src/app/orders/export.ts` (new)'), changes: changeSet() },
    { name: 'a folder with a change under it', plan: plan('- [x] Rework `apps/api/src/app/orders/`'), changes: changeSet(`M ${CONTROLLER}:1`) },
  ],
  invalid: [
    {
      name: 'a phantom: ticked, nothing changed, at its line',
      plan: plan(`- [x] Update \`${SERVICE}\``, `- [x] Update \`${CONTROLLER}\``),
      changes: changeSet(`M ${SERVICE}:1`),
      errors: [{ messageId: 'tickedNotDone', line: 12, column: 1 }],
    },
    {
      name: 'the file changed, the named symbol did not',
      plan: plan(`- [x] Page \`OrdersService\` in \`${SERVICE}\``),
      workspace,
      changes: changeSet(`M ${SERVICE}:5-6`),
      errors: [{ messageId: 'symbolsUntouched', line: 11 }],
    },
    {
      name: 'a nested sub-item on its own line',
      plan: plan(`- [ ] Build the export`, `  - [x] Update \`${CONTROLLER}\``),
      changes: changeSet(),
      errors: [{ messageId: 'tickedNotDone', line: 12, column: 3 }],
    },
  ],
});
