/** Jest config for the NestJS API (unit tests only; DB access is mocked). */
export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  coverageDirectory: '../../coverage/apps/api',
};
