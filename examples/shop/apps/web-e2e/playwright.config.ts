import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.BASE_URL ?? 'http://localhost:4300';

/**
 * Playwright config for the dashboard. Starts the built app with `nx run web:preview`
 * against a seeded API whose auth gateway signs requests in as a staff user, unless BASE_URL
 * points at a deployed environment.
 */
export default defineConfig({
  testDir: './src',
  outputDir: '../../dist/.playwright/apps/web-e2e/test-output',
  fullyParallel: true,
  retries: process.env.CI ? 2 : 0,
  reporter: [['html', { outputFolder: '../../dist/.playwright/apps/web-e2e/report', open: 'never' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
  },
  webServer: process.env.BASE_URL
    ? undefined
    : { command: 'npx nx run web:preview', url: baseURL, reuseExistingServer: !process.env.CI, cwd: '../../' },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
