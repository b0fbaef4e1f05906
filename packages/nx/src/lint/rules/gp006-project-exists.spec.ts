import { testRule } from '../test-utils/rule-tester';
import { planText } from '../test-utils/fixture-workspace';
import { projectExists } from './gp006-project-exists';

testRule(projectExists, {
  valid: [
    { name: 'known projects by name and import path', plan: planText('The `api` app uses the `shared-util` library and `@shop/shared-types`.') },
    { name: 'npm packages and other scopes', plan: planText('Validate with the `zod` library; `@nestjs/common` provides guards.') },
    { name: 'a bare word is not a claim', plan: planText('Add an `orders` table.') },
  ],
  invalid: [
    {
      name: 'an unknown project, with the closest name',
      plan: planText('Extend the `shared-utils` library.'),
      errors: [{ messageId: 'unknown', line: 7, column: 12, suggestion: 'shared-util' }],
    },
    {
      name: 'an unknown import path in the workspace scope',
      plan: planText('Import `@shop/shared-type`.'),
      errors: [{ messageId: 'unknown', suggestion: '@shop/shared-types' }],
    },
    {
      name: 'an unknown frontmatter project',
      plan: planText('Text.', 'groundplan:\n  template: checklist\n  project: apii\n'),
      errors: [{ messageId: 'unknown', line: 4, column: 3, suggestion: 'api' }],
    },
  ],
});
