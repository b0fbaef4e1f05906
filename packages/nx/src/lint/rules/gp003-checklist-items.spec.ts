import { testRule } from '../test-utils/rule-tester';
import { planText } from '../test-utils/fixture-workspace';
import { checklistItems } from './gp003-checklist-items';

const withChecklist = (items: string) => planText(`## Feature Summary\n\nA.\n\n## Architecture Overview\n\nB.\n\n## Implementation Checklist\n\n${items}`);

testRule(checklistItems, {
  valid: [
    { name: 'imperative items', plan: withChecklist('- [ ] Add `exportCsv()` to `OrdersService`\n- [x] Validate the date range') },
    {
      name: 'items grouped by feature area',
      plan: withChecklist('### Backend\n\n- [ ] Implement the export endpoint\n\n### Testing\n\n- [ ] Test the CSV encoder'),
    },
    { name: 'a bold label before the verb', plan: withChecklist('- [ ] **API:** Expose `GET /orders/export`') },
    { name: 'plain notes nested under a task', plan: withChecklist('- [ ] Normalize the dates\n  - because the DB stores UTC') },
    { name: "a section that is missing is GP001's to report", plan: planText('## Feature Summary\n\nA.') },
    { name: 'a plain label before the verb', plan: withChecklist('- [ ] Unit: Write tests for the CSV encoder') },
    {
      name: 'plain bullets and numbered steps beside the tasks',
      plan: withChecklist('- [ ] Add the endpoint\n\nKey files:\n\n- `apps/api/src/main.ts`\n\n1. Run the build'),
    },
    {
      name: 'criteria under an acceptance heading or lead-in are statements, not tasks',
      plan: withChecklist(
        '- [ ] Add the endpoint\n\n**Acceptance Criteria**:\n\n- [ ] `nx run api:test` passes\n\n### Definition of Done\n\n- [ ] The export matches the list',
      ),
    },
  ],
  invalid: [
    { name: 'no checklist items at all', plan: withChecklist('We will build it.'), errors: [{ messageId: 'noItems', line: 15 }] },
    { name: 'plain bullets only', plan: withChecklist('- Add the endpoint\n- Write the docs'), errors: [{ messageId: 'noItems' }] },
    {
      name: 'a criterion where a task is expected, among tasks',
      plan: withChecklist('### Backend\n\n- [ ] Add the endpoint\n- [ ] `nx run api:test` passes'),
      errors: [{ messageId: 'noVerb', line: 20 }],
    },
    { name: 'an item that is not a task', plan: withChecklist('- [ ] The export endpoint'), errors: [{ messageId: 'noVerb' }] },
    { name: 'a verb with no object', plan: withChecklist('- [ ] Refactor'), errors: [{ messageId: 'noObject' }] },
    { name: 'an empty item', plan: withChecklist('- [ ] Add the endpoint\n- [ ] **API:**'), errors: [{ messageId: 'emptyItem' }] },
  ],
});
