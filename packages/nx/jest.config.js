/** Jest runs the TypeScript sources through SWC; ESM-only dependencies (markdownlint, mdast) are
 *  loaded with dynamic import(), which SWC must leave alone so Node's VM modules can load them. */
module.exports = {
  displayName: 'groundplan-nx',
  testEnvironment: 'node',
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
};
