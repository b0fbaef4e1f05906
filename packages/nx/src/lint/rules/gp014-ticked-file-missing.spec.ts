import { changeSet } from '../test-utils/changes';
import { planText, shopWorkspace } from '../test-utils/fixture-workspace';
import { testRule } from '../test-utils/rule-tester';
import { tickedFileMissing } from './gp014-ticked-file-missing';

const EXPORT = 'apps/api/src/app/orders/export.ts';
const CONTROLLER = 'apps/api/src/app/orders/orders.controller.ts';
const plan = (...items: string[]) => planText(`# Plan\n\n## Implementation Checklist\n\n${items.join('\n')}`);

testRule(tickedFileMissing, {
  valid: [
    { name: 'without --against', plan: plan(`- [x] Create \`${EXPORT}\` (new)`) },
    {
      name: 'the new file exists',
      plan: plan(`- [x] Create \`${EXPORT}\` (new)`),
      workspace: shopWorkspace({ [EXPORT]: 'export {}' }),
      changes: changeSet(`A ${EXPORT}`),
    },
    { name: 'an unticked new file is still to do', plan: plan(`- [ ] Create \`${EXPORT}\` (new)`), changes: changeSet() },
    { name: 'deleting was the work', plan: plan(`- [x] Delete \`${CONTROLLER}\``), changes: changeSet(`D ${CONTROLLER}`) },
    {
      name: 'a renamed file is followed, not missing',
      plan: plan(`- [x] Update \`${CONTROLLER}\``),
      changes: changeSet(`R ${CONTROLLER}>apps/api/src/app/orders/orders.http.ts:1`),
    },
  ],
  invalid: [
    {
      name: 'a ticked new file never created',
      plan: plan(`- [x] Create \`${EXPORT}\` (new)`),
      changes: changeSet(),
      errors: [{ messageId: 'neverCreated', line: 11, column: 14 }],
    },
    {
      name: 'a named file deleted after ticking',
      plan: plan(`- [x] Update \`${CONTROLLER}\``),
      changes: changeSet(`D ${CONTROLLER}`),
      errors: [{ messageId: 'deleted', line: 11, column: 14 }],
    },
  ],
});
