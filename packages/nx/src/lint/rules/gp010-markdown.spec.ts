import { testRule } from '../test-utils/rule-tester';
import { planText, VALID_BODY } from '../test-utils/fixture-workspace';
import { markdown } from './gp010-markdown';

const LONG_LINE = 'word '.repeat(60).trim();

testRule(markdown, {
  valid: [
    { name: 'a well-formed plan', plan: planText(VALID_BODY) },
    { name: 'long lines', plan: planText(`# Plan\n\n${LONG_LINE}`) },
    { name: 'the same heading under different parents', plan: planText('# Plan\n\n## Phase 1\n\n### Testing\n\nA.\n\n## Phase 2\n\n### Testing\n\nB.') },
    {
      name: 'disable comments and details',
      plan: planText('# Plan\n\n<!-- groundplan-disable GP004 -->\n\n<details><summary>More</summary>\n\nText.\n\n</details>'),
    },
  ],
  invalid: [
    { name: 'a skipped heading level', plan: planText('# Plan\n\n### Deep'), errors: [{ messageId: 'markdownlint', line: 9 }] },
    { name: 'two blank lines', plan: planText('# Plan\n\nA.\n\n\nB.'), errors: [{ messageId: 'markdownlint', line: 11 }] },
  ],
});
