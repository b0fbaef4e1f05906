/** Jest config for @shop/web-ui (DOM components). */
export default {
  displayName: 'web-ui',
  preset: '../../../jest.preset.js',
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['@testing-library/jest-dom'],
  coverageDirectory: '../../../coverage/libs/web/ui',
};
