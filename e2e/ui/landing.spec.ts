import { expect, test } from '@playwright/test';
import { EMULATOR_PORT } from '../support/ports';

test('the landing page offers Add to Slack and, in sandbox mode, links the Slack emulator', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Klaxon' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add to Slack' })).toHaveAttribute('href', '/api/slack/install');
  const banner = page.getByRole('status');
  await expect(banner).toContainText('Sandbox mode');
  const emulatorLink = banner.getByRole('link', { name: 'Open the emulator' });
  await expect(emulatorLink).toHaveAttribute('href', new RegExp(`:${EMULATOR_PORT}$`));
  await emulatorLink.click();
  await expect(page.getByText('Acme Sandbox').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('landing-then-emulator.png'), fullPage: true });
});
