import { expect, test } from '@playwright/test';

test.describe('orders dashboard', () => {
  test('filters orders by status and keeps filters in the URL', async ({ page }) => {
    await page.goto('/orders');
    await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();

    await page.getByLabel('Status').selectOption('paid');
    await expect(page).toHaveURL(/status=paid/);

    const rows = page.getByRole('table', { name: 'Orders' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const badge of await rows.locator('.badge').all()) {
      await expect(badge).toHaveText('paid');
    }
  });

  test('opens an order from the list', async ({ page }) => {
    await page.goto('/orders');
    await page.getByRole('table', { name: 'Orders' }).locator('tbody tr').first().click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: /^SO-\d+$/ })).toBeVisible();
  });
});
