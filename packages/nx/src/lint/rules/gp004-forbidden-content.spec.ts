import { testRule } from '../test-utils/rule-tester';
import { planText, VALID_BODY } from '../test-utils/fixture-workspace';
import { forbiddenContent } from './gp004-forbidden-content';

testRule(forbiddenContent, {
  valid: [
    { name: 'a plan with none of it', plan: planText(VALID_BODY) },
    { name: 'numbers that are not durations, and code', plan: planText('Keep 3 retries and `sleep(2 days)` in code.\n\n```\n2 weeks\n```') },
    { name: 'a plan without a template', plan: planText('It takes 2 weeks.', 'title: x\n') },
  ],
  invalid: [
    { name: 'a time estimate', plan: planText('This takes 2 weeks.'), errors: [{ message: 'Template "checklist" forbids time estimates: "2 weeks".', line: 7, column: 12 }] },
    { name: 'an estimate split by emphasis', plan: planText('- [ ] Add the job (**3 days**)'), errors: [{ message: /forbids time estimates: "3 days"/ }] },
    { name: 'an owner, in a table', plan: planText('| Task | Who |\n| --- | --- |\n| Export | Owner: Dana |'), errors: [{ message: /forbids team assignments: "Owner:"/, line: 9 }] },
  ],
});
