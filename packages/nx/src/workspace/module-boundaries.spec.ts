import { memorySource } from '../test-utils/memory-source';
import { readModuleBoundaries } from './module-boundaries';

const APP = { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:util'] };
const UTIL = { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] };
const API = { sourceTag: 'scope:api', notDependOnLibsWithTags: ['scope:web'] };
const RULE = "'@nx/enforce-module-boundaries'";

describe('readModuleBoundaries: depConstraints read from the root ESLint config, never run', () => {
  it.each([
    [
      'a flat config with a literal array',
      { 'eslint.config.mjs': `export default [{ rules: { ${RULE}: ['error', { depConstraints: [${JSON.stringify(APP)}, ${JSON.stringify(UTIL)}] }] } }];` },
      'eslint.config.mjs',
      [APP, UTIL],
    ],
    [
      'a constant of the same file, and spread arrays',
      {
        'eslint.config.js': `const byType = [${JSON.stringify(APP)}];\nconst byScope = [${JSON.stringify(API)}];\nmodule.exports = [{ rules: { ${RULE}: ['error', { depConstraints: [...byType, ...byScope, ${JSON.stringify(UTIL)}] }] } }];`,
      },
      'eslint.config.js',
      [APP, API, UTIL],
    ],
    [
      'a spread object in a constraint, and `as const`',
      {
        'eslint.config.ts': `const onlyUtil = { onlyDependOnLibsWithTags: ['type:util'] };\nexport default [{ rules: { ${RULE}: ['error', { depConstraints: [{ sourceTag: 'type:util', ...onlyUtil }] as const }] } }];`,
      },
      'eslint.config.ts',
      [UTIL],
    ],
    [
      'a rule object imported from a module of the workspace',
      {
        'eslint.config.mjs': `import { constraints } from './tools/eslint/constraints.mjs';\nexport default [{ rules: { ${RULE}: ['error', { depConstraints: constraints }] } }];`,
        'tools/eslint/constraints.mjs': `import { scoped } from './scoped';\nexport const constraints = [${JSON.stringify(APP)}, ...scoped];`,
        'tools/eslint/scoped.ts': `export const scoped = [${JSON.stringify(API)}];`,
      },
      'eslint.config.mjs',
      [APP, API],
    ],
    [
      'what is not data (a call, a package import) reads as nothing, the rest still counts',
      {
        'eslint.config.mjs': `import { shared } from '@acme/eslint-rules';\nexport default [{ rules: { ${RULE}: ['error', { depConstraints: [...shared, ...makeRules(), ${JSON.stringify(UTIL)}] }] } }];`,
      },
      'eslint.config.mjs',
      [UTIL],
    ],
    [
      'a constant that refers to itself',
      {
        'eslint.config.mjs': `const loop = [...loop, ${JSON.stringify(UTIL)}];\nexport default [{ rules: { ${RULE}: ['error', { depConstraints: loop }] } }];`,
      },
      'eslint.config.mjs',
      [UTIL],
    ],
    [
      'a legacy .eslintrc.json, overrides included',
      {
        '.eslintrc.json': JSON.stringify({
          overrides: [{ files: ['*.ts'], rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [APP, API] }] } }],
        }),
      },
      '.eslintrc.json',
      [APP, API],
    ],
    [
      'the old @nrwl/nx rule name',
      { '.eslintrc.json': JSON.stringify({ rules: { '@nrwl/nx/enforce-module-boundaries': ['error', { depConstraints: [UTIL] }] } }) },
      '.eslintrc.json',
      [UTIL],
    ],
    ['no ESLint config', { 'package.json': '{}' }, undefined, []],
  ])('%s', (_name, files, source, constraints) => {
    expect(readModuleBoundaries(memorySource(files))).toEqual({ ...(source ? { source } : {}), constraints });
  });

  it('prefers the flat config when both are there, as ESLint 9 does', () => {
    const files = {
      'eslint.config.mjs': `export default [{ rules: { ${RULE}: ['error', { depConstraints: [${JSON.stringify(UTIL)}] }] } }];`,
      '.eslintrc.json': JSON.stringify({ rules: { [RULE.slice(1, -1)]: ['error', { depConstraints: [APP] }] } }),
    };
    expect(readModuleBoundaries(memorySource(files)).constraints).toEqual([UTIL]);
  });
});
