import { testRule } from '../test-utils/rule-tester';
import { planText } from '../test-utils/fixture-workspace';
import { dependencyRules } from './gp008-dependency-rules';

testRule(dependencyRules, {
  valid: [
    { name: 'a dependency the rules allow', plan: planText('Add a dependency from `api-data-access` to `shared-types`.') },
    { name: 'a dependency that already exists', plan: planText('`api` depends on `shared-util`.') },
    { name: 'sides given as import path and path', plan: planText('`libs/web/ui/src` will import from `@shop/shared-types`.') },
    { name: "unknown sides are the project rule's", plan: planText('`api` depends on `nope`.') },
  ],
  invalid: [
    {
      name: 'a tag constraint (onlyDependOnLibsWithTags)',
      plan: planText('Add a dependency from `shared-util` to `api-data-access`.'),
      errors: [{ messageId: 'onlyDependOn', line: 7, column: 23 }, { messageId: 'onlyDependOn' }, { messageId: 'cycle' }],
    },
    {
      name: 'a notDependOnLibsWithTags constraint',
      plan: planText('`api` will now depend on `@shop/web-ui`.'),
      errors: [{ messageId: 'mustNotDependOn' }],
    },
    {
      name: 'a cycle through the graph',
      plan: planText('Add a dependency on `api-data-access` to `shared-types`.'),
      errors: [{ messageId: 'onlyDependOn' }, { messageId: 'onlyDependOn' }, { messageId: 'cycle' }],
    },
    {
      name: 'depending on an application',
      plan: planText('`web-ui` depends on `api`.'),
      errors: [{ messageId: 'notALibrary' }, { messageId: 'onlyDependOn' }],
    },
  ],
});
