import { testRule } from '../test-utils/rule-tester';
import { planText, VALID_BODY } from '../test-utils/fixture-workspace';
import { requiredSections } from './gp001-required-sections';

const CHECKLIST = '## Implementation Checklist\n\n- [ ] Add the endpoint';

testRule(requiredSections, {
  valid: [
    { name: 'every section, in order', plan: planText(VALID_BODY) },
    {
      name: 'numbered, differently cased titles with a parenthetical',
      plan: planText(`## 1. feature summary\n\nText.\n\n## 2. Architecture Overview (API)\n\nText.\n\n${CHECKLIST}`),
    },
    {
      name: 'extra sections between the required ones',
      plan: planText(`## Feature Summary\n\nA.\n\n## Notes\n\nB.\n\n## Architecture Overview\n\nC.\n\n${CHECKLIST}`),
    },
    { name: 'no template named: nothing to check against', plan: planText('# Anything', 'title: x\n') },
  ],
  invalid: [
    {
      name: 'a missing section, with a misspelt heading suggested',
      plan: planText(`## Feature Summary\n\nA.\n\n## Architecture Overveiw\n\nB.\n\n${CHECKLIST}`),
      errors: [{ messageId: 'missing', line: 11, suggestion: 'Architecture Overveiw' }],
    },
    {
      name: 'sections out of order',
      plan: planText(`## Architecture Overview\n\nB.\n\n## Feature Summary\n\nA.\n\n${CHECKLIST}`),
      errors: [{ messageId: 'outOfOrder', line: 7 }],
    },
    {
      name: 'a section at the wrong level',
      plan: planText(`## Feature Summary\n\nA.\n\n### Architecture Overview\n\nB.\n\n${CHECKLIST}`),
      errors: [{ messageId: 'wrongLevel' }],
    },
    {
      name: 'an empty section (a comment and a sub-heading do not count)',
      plan: planText(`## Feature Summary\n\n<!-- fill in -->\n\n### Details\n\n## Architecture Overview\n\nB.\n\n${CHECKLIST}`),
      errors: [{ messageId: 'empty', line: 7 }],
    },
    {
      name: 'no sections at all',
      plan: planText('Just prose.'),
      errors: [{ messageId: 'missing' }, { messageId: 'missing' }, { messageId: 'missing' }],
    },
  ],
});
