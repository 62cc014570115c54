import { expect, test } from '@playwright/test';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { EMULATOR_URL } from '../support/ports';
import { GLOBEX, installFromLanding } from '../support/slack-ui';

// Slack stops taking the workspace's token (revoked without an uninstall event): the overview says so with
// Reinstall; after the reinstall the dead deliveries go out with Retry, from the alert page and the overview.
test('a refused token shows on the overview with Reinstall, and Retry sends the dead deliveries', async ({ page, request }) => {
  await installFromLanding(page, GLOBEX.id, GLOBEX.owner);
  const key = await createApiKey(page, GLOBEX.id, uniqueName('retry'));
  const auth = { Authorization: `Bearer ${key}` };
  const eventType = `retry.${Date.now().toString(36)}`;
  // Earlier specs post to #alerts too: the route never folds into a storm digest, so each delivery is its own.
  const route = await request.post('/api/v1/routes', { headers: auth, data: { name: uniqueName('retry'), event_types: [eventType], severities: ['critical'], channels: ['C0GLBXALRT'], storm_limit: 0 } });
  expect(route.status()).toBe(201);
  expect((await request.post(`${EMULATOR_URL}/_emulator/revoke`, { data: { teamId: GLOBEX.id } })).ok()).toBe(true);

  const ids: string[] = [];
  for (const title of ['Token test one', 'Token test two']) {
    const sent = await sendAlert(request, key, { event_type: eventType, severity: 'critical', title });
    ids.push(((await sent.json()) as { id: string }).id);
  }
  const stateOf = async (id: string) => ((await (await request.get(`/api/v1/alerts/${id}`, { headers: auth })).json()) as { deliveries: Array<{ state: string; last_error: string | null }> }).deliveries[0];
  await expect.poll(async () => (await stateOf(ids[1]!))?.state, { timeout: 15_000 }).toBe('dead');
  expect((await stateOf(ids[0]!))?.last_error).toBe('token_revoked');

  await page.goto(`/w/${GLOBEX.id}`);
  await expect(page.getByTestId('figures-freshness')).toContainText(/Figures as of (just now|\d+ min ago)/);
  await expect(page.getByText(/\b2\b failed for good/)).toBeVisible();
  const banner = page.getByTestId('token-failure');
  await expect(banner).toContainText('token_revoked');
  await expect(banner.getByRole('link', { name: 'Reinstall Klaxon' })).toHaveAttribute('href', '/api/slack/install');
  await screenshotPage(page, 'overview-token-failure');

  await installFromLanding(page, GLOBEX.id, GLOBEX.owner);
  await expect(page.getByTestId('token-failure')).toHaveCount(0);

  await page.goto(`/w/${GLOBEX.id}/alerts/${ids[0]!}`);
  await page.getByTestId('delivery-row').getByRole('button', { name: /^Retry/ }).click();
  await expect.poll(async () => (await stateOf(ids[0]!))?.state, { timeout: 15_000 }).toBe('sent');
  await page.goto(`/w/${GLOBEX.id}/alerts/${ids[0]!}`);
  await expect(page.getByTestId('delivery-row')).toContainText('sent');
  await screenshotPage(page, 'alert-retried');

  await page.goto(`/w/${GLOBEX.id}`);
  // One is left: the other went out from the alert page.
  await page.getByRole('button', { name: 'Retry the failed delivery' }).click();
  await expect.poll(async () => (await stateOf(ids[1]!))?.state, { timeout: 15_000 }).toBe('sent');
});
