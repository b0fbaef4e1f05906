import { contentHash } from '../../utils/content-hash';
import { testRule } from '../test-utils/rule-tester';
import { changeSet } from '../test-utils/changes';
import { planText, SHOP_FILES, shopWorkspace } from '../test-utils/fixture-workspace';
import { staleReferences } from './gp009-stale-references';

const MAIN = 'apps/api/src/main.ts';
const withReferences = (entries: Record<string, string>) =>
  planText(
    'Text.',
    `groundplan:\n  template: checklist\n  references:\n${Object.entries(entries)
      .map(([path, hash]) => `    ${path}: "${hash}"\n`)
      .join('')}`,
  );

testRule(staleReferences, {
  valid: [
    { name: 'unchanged files', plan: withReferences({ [MAIN]: contentHash(SHOP_FILES[MAIN]) }) },
    { name: 'no recorded references', plan: planText('Text.') },
  ],
  invalid: [
    {
      name: 'a changed file',
      plan: withReferences({ 'apps/api/project.json': contentHash('{}'), [MAIN]: contentHash('old code') }),
      errors: [{ messageId: 'changedHash', line: 6, column: 5 }],
    },
    { name: 'a removed file', plan: withReferences({ 'apps/api/src/gone.ts': contentHash('x') }), errors: [{ messageId: 'removedHash', line: 5 }] },
  ],
});

describe('GP009 by overlap with the changes since base', () => {
  const SERVICE = 'apps/api/src/app/orders/orders.service.ts';
  const CONTROLLER = 'apps/api/src/app/orders/orders.controller.ts';
  const SERVICE_TEXT = 'export class OrdersService {\n  findAll() {}\n}\n\nexport function helper() {\n  return 1;\n}\n';
  // Prose on line 9, items from line 13.
  const plan = (...items: string[]) =>
    planText(`# Plan\n\nThe export reads \`OrdersService\` in \`${SERVICE}\`.\n\n## Implementation Checklist\n\n${items.join('\n')}`);
  const base = (...entries: string[]) => ({ ...changeSet(...entries), ref: 'abcdef0123', commit: 'abcdef0123456789abcdef0123456789abcdef01' });

  testRule(staleReferences, {
    valid: [
      { name: 'nothing it names changed', plan: plan(`- [ ] Update \`${CONTROLLER}\``), baseChanges: base('M apps/api/src/main.ts:1') },
      { name: 'a ticked item’s change is its work', plan: plan(`- [x] Update \`${CONTROLLER}\``), baseChanges: base(`M ${CONTROLLER}:1`) },
      {
        name: 'the file changed, not the named symbol',
        plan: plan(),
        workspace: shopWorkspace({ [SERVICE]: SERVICE_TEXT }),
        baseChanges: base(`M ${SERVICE}:5-6`),
      },
      { name: 'with a base diff, recorded hashes are not used', plan: withReferences({ [MAIN]: contentHash('old code') }), baseChanges: base() },
      {
        name: 'a file changed since base but still as the plan recorded it (uncommitted when drafted)',
        plan: withReferences({ [MAIN]: contentHash(SHOP_FILES[MAIN]) }),
        baseChanges: base(`M ${MAIN}:1`),
      },
      {
        name: 'plans and feature inputs written under a project root it names are not code changes',
        plan: planText('The export lives in `apps/api`.'),
        baseChanges: base('A apps/api/product-development/other/plan.md', 'A apps/api/product-development/other/PRD.md'),
      },
    ],
    invalid: [
      {
        name: 'a named file changed, with the items that name it',
        plan: plan(`- [ ] Update \`${CONTROLLER}\``),
        baseChanges: base(`M ${CONTROLLER}:1`),
        errors: [{ messageId: 'changedSinceBase', line: 13, column: 14 }],
      },
      {
        name: 'the named symbol changed',
        plan: plan(),
        workspace: shopWorkspace({ [SERVICE]: SERVICE_TEXT }),
        baseChanges: base(`M ${SERVICE}:2`),
        errors: [{ messageId: 'changedSinceBase', line: 9 }],
      },
      { name: 'a removed file', plan: plan(), baseChanges: base(`D ${SERVICE}`), errors: [{ messageId: 'removedSinceBase' }] },
      {
        name: 'a renamed file',
        plan: plan(),
        baseChanges: base(`R ${SERVICE}>apps/api/src/app/orders/orders.logic.ts:3`),
        errors: [{ messageId: 'renamedSinceBase' }],
      },
      {
        name: 'a file changed since base and since the plan recorded it',
        plan: withReferences({ [MAIN]: contentHash('old code') }),
        baseChanges: base(`M ${MAIN}:1`),
        errors: [{ messageId: 'changedSinceBase' }],
      },
      {
        name: 'a project root it names',
        plan: planText('Money comes from `libs/shared/util`.'),
        baseChanges: base('M libs/shared/util/src/lib/money.ts:1'),
        errors: [{ messageId: 'changedSinceBase' }],
      },
    ],
  });
});
