/**
 * One run per Nx version: GP_E2E_NX_VERSION (default 24) picks it, and the `e2e` target runs 24 and 22. The
 * global setup starts the local registry and publishes the plugin once per run. The scenarios share one
 * workspace and run in order in a single worker: each Nx command already uses the machine's cores.
 */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  // Test helpers shared by the plugin's tests and the e2e tests (tsconfig.base.json paths).
  moduleNameMapper: { '^@groundplan/test-kit/(.*)$': '<rootDir>/../tools/test-kit/$1' },
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  globalSetup: '<rootDir>/src/setup/global-setup.ts',
  globalTeardown: '<rootDir>/src/setup/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 5 * 60_000,
};
