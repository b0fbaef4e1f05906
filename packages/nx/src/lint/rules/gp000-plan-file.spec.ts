import { testRule } from '../test-utils/rule-tester';
import { planText, VALID_BODY } from '../test-utils/fixture-workspace';
import { planFile } from './gp000-plan-file';

testRule(planFile, {
  valid: [
    { name: 'a plan naming a known template, inside a project', plan: planText(VALID_BODY), file: 'apps/api/product-development/checkout/plan.md' },
    { name: 'a plan being drafted in memory (no file yet)', plan: planText(VALID_BODY) },
  ],
  invalid: [
    { name: 'an empty file', plan: '  \n\n', errors: [{ messageId: 'empty', line: 1 }] },
    { name: 'no frontmatter', plan: VALID_BODY, errors: [{ messageId: 'noTemplate' }] },
    { name: 'frontmatter without a template', plan: planText(VALID_BODY, 'title: Checkout\n'), errors: [{ messageId: 'noTemplate' }] },
    { name: 'invalid YAML', plan: planText(VALID_BODY, 'groundplan:\n  template: [checklist\n'), errors: [{ messageId: 'invalidYaml', line: 3 }] },
    {
      name: 'an unknown template, with the closest id',
      plan: planText(VALID_BODY, 'groundplan:\n  template: checklst\n'),
      errors: [{ messageId: 'unknownTemplate', line: 3, column: 3, suggestion: 'checklist' }],
    },
    {
      name: 'a plan outside every project',
      plan: planText(VALID_BODY),
      file: 'docs/product-development/checkout/plan.md',
      errors: [{ messageId: 'outsideProjects' }],
    },
  ],
});
