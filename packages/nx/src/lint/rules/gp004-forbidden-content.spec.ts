import { testRule } from '../test-utils/rule-tester';
import { planText, VALID_BODY } from '../test-utils/fixture-workspace';
import { loadBuiltInTemplates } from '../../templates/load-templates';
import { forbiddenContent } from './gp004-forbidden-content';

testRule(forbiddenContent, {
  valid: [
    { name: 'a plan with none of it', plan: planText(VALID_BODY) },
    { name: 'numbers that are not durations, and code', plan: planText('Keep 3 retries and `sleep(2 days)` in code.\n\n```\n2 weeks\n```') },
    { name: 'a plan without a template', plan: planText('It takes 2 weeks.', 'title: x\n') },
  ],
  invalid: [
    { name: 'a time estimate', plan: planText('This takes 2 weeks.'), errors: [{ messageId: 'forbidden', line: 7, column: 12 }] },
    { name: 'an estimate split by emphasis', plan: planText('- [ ] Add the job (**3 days**)'), errors: [{ messageId: 'forbidden' }] },
    { name: 'an owner, in a table', plan: planText('| Task | Who |\n| --- | --- |\n| Export | Owner: Dana |'), errors: [{ messageId: 'forbidden', line: 9 }] },
  ],
});

/** The built-in checklist forbids estimates however a checklist item writes them, and not the durations a feature requires. */
const builtIn = loadBuiltInTemplates();
const checklistItem = (line: string) => ({ plan: planText(`## Implementation Checklist\n\n${line}`), templates: builtIn });
/** Where each estimate starts in the item (line 9 of the plan): which says what the pattern caught. */
const estimates = (line: string, ...found: string[]) => found.map((text) => ({ messageId: 'forbidden', line: 9, column: line.indexOf(text) + 1 }));

testRule(forbiddenContent, {
  valid: [
    { name: 'a date range the feature allows', ...checklistItem('- [ ] Validate a date range of at most 366 days in `OrdersController`') },
    { name: 'a rate limit and a retention period', ...checklistItem('- [ ] Limit exports to 5 exports per minute and keep 30 days of history') },
    { name: 'an age the code checks', ...checklistItem('- [ ] Delete exports older than 7 days in the cleanup job') },
    { name: 'a timeout', ...checklistItem('- [ ] Expire the download link after 2 hours') },
  ],
  invalid: [
    {
      name: 'about N weeks, and N days for X',
      ...checklistItem('- [ ] Build the export endpoint (about 2 weeks, 3 days for QA)'),
      errors: estimates('- [ ] Build the export endpoint (about 2 weeks, 3 days for QA)', 'about 2 weeks', '3 days for QA'),
    },
    {
      name: 'around N days',
      ...checklistItem('- [ ] Add the CSV writer, around 4 days'),
      errors: estimates('- [ ] Add the CSV writer, around 4 days', 'around 4 days'),
    },
    {
      name: 'roughly N weeks',
      ...checklistItem('- [ ] Migrate the table: roughly 1 week'),
      errors: estimates('- [ ] Migrate the table: roughly 1 week', 'roughly 1 week'),
    },
    { name: '~N days', ...checklistItem('- [ ] Wire the page (~3 days)'), errors: estimates('- [ ] Wire the page (~3 days)', '~3 days') },
    { name: '(N weeks)', ...checklistItem('- [ ] Rewrite the service (2 weeks)'), errors: estimates('- [ ] Rewrite the service (2 weeks)', '(2 weeks)') },
    { name: 'N–M days', ...checklistItem('- [ ] Add the tests: 2–3 days'), errors: estimates('- [ ] Add the tests: 2–3 days', '2–3 days') },
  ],
});
