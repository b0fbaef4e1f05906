/** Shared Jest defaults; every project's jest.config.ts uses this as its preset. */
const { join } = require('node:path');

/** Maps the `@shop/*` aliases from tsconfig.base.json so Jest resolves library sources directly. */
const lib = (path) => join(__dirname, 'libs', path, 'src/index.ts');

module.exports = {
  testMatch: ['**/?(*.)+(spec|test).[jt]s?(x)'],
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'html'],
  moduleNameMapper: {
    '^@shop/api-data-access$': lib('api/data-access'),
    '^@shop/shared-types$': lib('shared/types'),
    '^@shop/shared-util$': lib('shared/util'),
    '^@shop/web-data-access$': lib('web/data-access'),
    '^@shop/web-ui$': lib('web/ui'),
  },
  coverageReporters: ['text-summary', 'lcov'],
};
