/** Jest config for @shop/web-data-access. */
export default {
  displayName: 'web-data-access',
  preset: '../../../jest.preset.js',
  testEnvironment: 'jsdom',
  coverageDirectory: '../../../coverage/libs/web/data-access',
};
