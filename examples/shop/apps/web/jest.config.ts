/** Jest config for the web app (React Testing Library, jsdom). */
export default {
  displayName: 'web',
  preset: '../../jest.preset.js',
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['@testing-library/jest-dom'],
  coverageDirectory: '../../coverage/apps/web',
};
