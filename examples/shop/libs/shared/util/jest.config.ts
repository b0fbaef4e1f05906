/** Jest config for @shop/shared-util (pure functions, node environment). */
export default {
  displayName: 'shared-util',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  coverageDirectory: '../../../coverage/libs/shared/util',
};
