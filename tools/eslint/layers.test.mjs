// node --test tools/eslint: the layer rule, on the forms of import the plugin uses.
import { describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { layers } from './layers.mjs';

RuleTester.describe = describe;
RuleTester.it = it;

const options = [{ root: 'src', layers: [['utils'], ['code'], ['context'], ['lint'], ['bin', 'executors']], nx: ['bin', 'executors'] }];
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const at = (file, code) => ({ filename: `${process.cwd()}/src/${file}`, code, options });
const error = (messageId) => ({ errors: [{ messageId }] });

tester.run('layers', layers, {
  valid: [
    at('context/rank.ts', "import { words } from '../code/words';"),
    at('context/rank.ts', "import { pagerank } from './pagerank';"),
    at('lint/rules/gp007.ts', "import type { CodeSymbol } from '../../code/types';"),
    at('bin/commands/lint.ts', "const { runLint } = require('../../lint/run-lint');"),
    at('executors/lint-plan/executor.ts', "import type { ExecutorContext } from '@nx/devkit';"),
    at('code/scan.ts', "import { ts } from 'ts-morph';"),
  ],
  invalid: [
    { ...at('code/types.ts', "import type { RankedFile } from '../context/types';"), ...error('upward') },
    { ...at('code/index.ts', "export * from '../lint/index';"), ...error('upward') },
    { ...at('code/index.ts', "export { lint } from '../lint/index';"), ...error('upward') },
    { ...at('utils/a.ts', "const m = await import('../context/rank');"), ...error('upward') },
    { ...at('utils/a.ts', "const m = require('../code/words');"), ...error('upward') },
    { ...at('utils/a.ts', "let scan: typeof import('../code/scan').scan;"), ...error('upward') },
    { ...at('bin/commands/lint.ts', "import { lintSources } from '../../executors/lint-plan/lint-sources';"), ...error('sideways') },
    { ...at('code/nx-file-map.ts', "import type { ProjectGraph } from '@nx/devkit';"), ...error('nx') },
    { ...at('code/nx-file-map.ts', "const devkit = await import('@nx/devkit');"), ...error('nx') },
  ],
});
