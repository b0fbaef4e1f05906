/**
 * `node -r ./register-ts.cjs src/bin/groundplan.ts ...`: runs the TypeScript sources in a child process, the
 * way jest runs them (SWC, CommonJS, dynamic import() left to Node for the ESM-only dependencies), so a
 * spec can spawn the real CLI without a build.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
