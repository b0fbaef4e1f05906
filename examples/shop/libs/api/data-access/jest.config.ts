/** Jest config for @shop/api-data-access. */
export default {
  displayName: 'api-data-access',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  coverageDirectory: '../../../coverage/libs/api/data-access',
};
