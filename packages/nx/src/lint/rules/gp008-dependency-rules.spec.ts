import { testRule } from '../test-utils/rule-tester';
import { planText } from '../test-utils/fixture-workspace';
import { dependencyRules } from './gp008-dependency-rules';

testRule(dependencyRules, {
  valid: [
    { name: 'a dependency the rules allow', plan: planText('Add a dependency from `api-data-access` to `shared-types`.') },
    { name: 'a dependency that already exists', plan: planText('`api` depends on `shared-util`.') },
    { name: 'sides given as import path and path', plan: planText('`libs/web/ui/src` will import from `@shop/shared-types`.') },
    { name: 'unknown sides are the project rule\'s', plan: planText('`api` depends on `nope`.') },
  ],
  invalid: [
    {
      name: 'a tag constraint (onlyDependOnLibsWithTags)',
      plan: planText('Add a dependency from `shared-util` to `api-data-access`.'),
      errors: [
        { message: /^Dependency shared-util → api-data-access: a project tagged "type:util" can only depend on projects tagged type:util, type:types; api-data-access is tagged \[scope:api, type:data-access\] \(eslint.config.mjs\)/, line: 7, column: 23 },
        { message: /a project tagged "scope:shared" can only depend on projects tagged scope:shared/ },
        { message: /it would make a cycle: shared-util → api-data-access → shared-util/ },
      ],
    },
    {
      name: 'a notDependOnLibsWithTags constraint',
      plan: planText('`api` will now depend on `@shop/web-ui`.'),
      errors: [{ message: /^Dependency api → web-ui: a project tagged "scope:api" must not depend on projects tagged scope:web/ }],
    },
    {
      name: 'a cycle through the graph',
      plan: planText('Add a dependency on `api-data-access` to `shared-types`.'),
      errors: [{ message: /"type:types" can only depend on projects tagged type:types/ }, { message: /scope:shared/ }, { message: /cycle/ }],
    },
    { name: 'depending on an application', plan: planText('`web-ui` depends on `api`.'), errors: [{ message: /api is an application; only libraries can be depended on/ }, { message: /type:ui/ }] },
  ],
});
