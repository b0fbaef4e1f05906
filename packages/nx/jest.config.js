/** Jest runs the TypeScript sources through SWC; ESM-only dependencies (markdownlint, mdast) are
 *  loaded with dynamic import(), which SWC must leave alone so Node's VM modules can load them. */
module.exports = {
  displayName: 'groundplan-nx',
  testEnvironment: 'node',
  // Test helpers shared by the plugin's tests and the e2e tests (tsconfig.base.json paths).
  moduleNameMapper: { '^@groundplan/test-kit/(.*)$': '<rootDir>/../../tools/test-kit/$1' },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
  },
  testTimeout: 60000,
  // One temporary folder per run, removed at its end.
  globalSetup: '<rootDir>/scripts/jest-tmpdir.cjs',
  globalTeardown: '<rootDir>/scripts/jest-tmpdir-teardown.cjs',
};
