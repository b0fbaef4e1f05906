import { contentHash } from '../../plan-file/frontmatter';
import { testRule } from '../test-utils/rule-tester';
import { planText, SHOP_FILES } from '../test-utils/fixture-workspace';
import { staleReferences } from './gp009-stale-references';

const MAIN = 'apps/api/src/main.ts';
const withReferences = (entries: Record<string, string>) =>
  planText('Text.', `groundplan:\n  template: checklist\n  references:\n${Object.entries(entries).map(([path, hash]) => `    ${path}: "${hash}"\n`).join('')}`);

testRule(staleReferences, {
  valid: [
    { name: 'unchanged files', plan: withReferences({ [MAIN]: contentHash(SHOP_FILES[MAIN]) }) },
    { name: 'no recorded references', plan: planText('Text.') },
  ],
  invalid: [
    {
      name: 'a changed file',
      plan: withReferences({ 'apps/api/project.json': contentHash('{}'), [MAIN]: contentHash('old code') }),
      errors: [{ message: new RegExp(`^"${MAIN}" changed after the plan was written \\(${contentHash('old code')} → ${contentHash(SHOP_FILES[MAIN])}\\)`), line: 6, column: 5 }],
    },
    { name: 'a removed file', plan: withReferences({ 'apps/api/src/gone.ts': contentHash('x') }), errors: [{ message: /"apps\/api\/src\/gone.ts" was removed after the plan was written/, line: 5 }] },
  ],
});
