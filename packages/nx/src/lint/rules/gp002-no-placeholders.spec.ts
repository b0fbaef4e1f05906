import { testRule } from '../test-utils/rule-tester';
import { planText, VALID_BODY } from '../test-utils/fixture-workspace';
import { noPlaceholders } from './gp002-no-placeholders';

testRule(noPlaceholders, {
  valid: [
    { name: 'a finished plan', plan: planText(VALID_BODY) },
    { name: 'placeholders inside code are code', plan: planText('Route `GET /orders/{Id}` reads `$ARGUMENTS`.\n\n```\nTODO: [FEATURE NAME]\n```') },
    { name: 'short bracketed acronyms and task boxes', plan: planText('Call the [API] once.\n\n- [ ] Add it\n- [x] Done') },
  ],
  invalid: [
    { name: 'a bracketed placeholder', plan: planText('# [FEATURE NAME]'), errors: [{ message: '"[FEATURE NAME]" is a placeholder: replace it with the plan\'s own content.', line: 7, column: 3 }] },
    { name: 'a braced placeholder', plan: planText('Title: {Task Title}'), errors: [{ message: /"\{Task Title\}" is a placeholder/, column: 8 }] },
    { name: '$ARGUMENTS', plan: planText('Input: $ARGUMENTS'), errors: [{ message: /"\$ARGUMENTS" is a template variable/ }] },
    { name: 'speckit clarification markers', plan: planText('Auth: [NEEDS CLARIFICATION: which provider?]'), errors: [{ message: /NEEDS CLARIFICATION/ }] },
    {
      name: 'TODO and TBD, in a list and a table, split by emphasis',
      plan: planText('- [ ] Add **TODO** handling\n\n| a | b |\n| --- | --- |\n| TBD | x |'),
      errors: [{ message: /"TODO" is an unfinished marker/, line: 7, column: 13 }, { message: /"TBD"/, line: 11, column: 3 }],
    },
    { name: 'an unrendered EJS tag', plan: planText('# <%= feature.title %>'), errors: [{ message: /unrendered template tag/ }] },
  ],
});
