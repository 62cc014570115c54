import { expect, test } from '@playwright/test';
import { EMULATOR_URL } from '../support/ports';
import { GLOBEX, installFromLanding } from '../support/slack-ui';

test('uninstalling in Slack marks the workspace uninstalled; the dashboard says so and offers Reinstall', async ({ page, request }) => {
  await installFromLanding(page, GLOBEX.id, GLOBEX.owner);
  const answer = await request.post(`${EMULATOR_URL}/_emulator/uninstall`, { data: { teamId: GLOBEX.id } });
  expect(answer.ok()).toBe(true);
  const { appUninstalled, tokensRevoked } = (await answer.json()) as Record<string, { status: number; durationMs: number }>;
  expect(appUninstalled?.status).toBe(200);
  expect(tokensRevoked?.status).toBe(200);
  await expect(async () => {
    await page.goto(`/w/${GLOBEX.id}`);
    await expect(page.locator('.warning-banner')).toContainText('uninstalled', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.locator('.warning-banner').getByRole('link', { name: 'Reinstall' })).toHaveAttribute('href', '/api/slack/install');
  await installFromLanding(page, GLOBEX.id, GLOBEX.owner);
  await expect(page.locator('.warning-banner')).toHaveCount(0);
});
