import { testRule } from '../test-utils/rule-tester';
import { memorySource } from '../../test-utils/memory-source';
import { planText, SHOP_FACTS, SHOP_FILES } from '../test-utils/fixture-workspace';
import { createLintWorkspace } from '../workspace-view';
import { symbolExists } from './gp007-symbol-exists';

const SERVICE = 'apps/api/src/app/orders/orders.service.ts';

testRule(symbolExists, {
  valid: [
    { name: 'a class in its file', plan: planText(`Extend \`OrdersService\` in \`${SERVICE}\`.`) },
    { name: 'a member of a class', plan: planText(`Call \`OrdersService.findAll()\` in \`${SERVICE}\`.`) },
    { name: 'a method named alone', plan: planText(`Reuse \`findOne()\` in \`${SERVICE}\`.`) },
    {
      name: 'a symbol exported by a project',
      plan: planText('Use `formatMoney` from `@shop/shared-util` and `Money` exported by the `shared-types` library.'),
    },
    { name: 'a symbol in a folder', plan: planText('Use `paginate` from `libs/api/data-access/`.') },
    { name: 'a symbol the plan adds', plan: planText(`Add \`exportCsv()\` in \`${SERVICE}\`.`) },
    {
      name: 'no code index: nothing to check against',
      plan: planText(`Use \`Nope\` in \`${SERVICE}\`.`),
      workspace: createLintWorkspace(SHOP_FACTS, memorySource(SHOP_FILES)),
    },
    { name: 'an npm package owns its symbols', plan: planText('Use `Injectable` from `@nestjs/common`.') },
  ],
  invalid: [
    {
      name: 'a misspelt class',
      plan: planText(`Extend \`OrderService\` in \`${SERVICE}\`.`),
      errors: [{ messageId: 'notExported', line: 7, column: 8, suggestion: 'OrdersService' }],
    },
    {
      name: 'a missing member',
      plan: planText(`Call \`OrdersService.findAl()\` in \`${SERVICE}\`.`),
      errors: [{ messageId: 'noMember', suggestion: 'OrdersService.findAll' }],
    },
    {
      name: 'a symbol the project does not export',
      plan: planText('Use `formatMoneys` from `@shop/shared-util`.'),
      errors: [{ messageId: 'notExported', suggestion: 'formatMoney' }],
    },
  ],
});
