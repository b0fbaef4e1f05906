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
    { name: 'a bracketed placeholder', plan: planText('# [FEATURE NAME]'), errors: [{ messageId: 'placeholder', line: 7, column: 3 }] },
    { name: 'a braced placeholder', plan: planText('Title: {Task Title}'), errors: [{ messageId: 'placeholder', column: 8 }] },
    { name: '$ARGUMENTS', plan: planText('Input: $ARGUMENTS'), errors: [{ messageId: 'templateVariable' }] },
    { name: 'speckit clarification markers', plan: planText('Auth: [NEEDS CLARIFICATION: which provider?]'), errors: [{ messageId: 'placeholder' }] },
    {
      name: 'TODO and TBD, in a list and a table, split by emphasis',
      plan: planText('- [ ] Add **TODO** handling\n\n| a | b |\n| --- | --- |\n| TBD | x |'),
      errors: [
        { messageId: 'unfinished', line: 7, column: 13 },
        { messageId: 'unfinished', line: 11, column: 3 },
      ],
    },
    { name: 'an unrendered EJS tag', plan: planText('# <%= feature.title %>'), errors: [{ messageId: 'templateTag' }] },
  ],
});
