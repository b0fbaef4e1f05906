import { changeSet } from '../test-utils/changes';
import { planText } from '../test-utils/fixture-workspace';
import { testRule } from '../test-utils/rule-tester';
import { looksDone } from './gp012-looks-done';

const SERVICE = 'apps/api/src/app/orders/orders.service.ts';
const CONTROLLER = 'apps/api/src/app/orders/orders.controller.ts';
const plan = (...items: string[]) => planText(`# Plan\n\n## Implementation Checklist\n\n${items.join('\n')}`);

testRule(looksDone, {
  valid: [
    { name: 'without --against', plan: plan(`- [ ] Update \`${CONTROLLER}\``) },
    { name: 'one of two files changed: in progress', plan: plan(`- [ ] Wire \`${SERVICE}\` into \`${CONTROLLER}\``), changes: changeSet(`M ${SERVICE}:1`) },
    { name: 'ticked and done', plan: plan(`- [x] Update \`${CONTROLLER}\``), changes: changeSet(`M ${CONTROLLER}:1`) },
    { name: 'untouched', plan: plan(`- [ ] Update \`${CONTROLLER}\``), changes: changeSet(`M ${SERVICE}:1`) },
  ],
  invalid: [
    {
      name: 'every named file changed',
      plan: plan(`- [x] Update \`${SERVICE}\``, `- [ ] Wire \`${SERVICE}\` into \`${CONTROLLER}\``),
      changes: changeSet(`M ${SERVICE}:1`, `M ${CONTROLLER}:1`),
      errors: [{ messageId: 'looksDone', line: 12, column: 1 }],
    },
  ],
});
