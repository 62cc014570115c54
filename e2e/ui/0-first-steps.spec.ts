// Named to run first (Playwright runs the files in name order, one at a time): the sandbox workspaces are
// still empty, as a newcomer's are.
import { expect, test } from '@playwright/test';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { EMULATOR_URL } from '../support/ports';
import { GLOBEX, installFromLanding } from '../support/slack-ui';

test('an empty overview shows the first steps, ticked as they are done; sandbox mode links the emulator; snippets in Node, Python, Go', async ({ page, request }) => {
  await installFromLanding(page, GLOBEX.id, GLOBEX.owner);
  const steps = page.getByTestId('first-steps').locator('li');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toHaveAttribute('data-done', 'false');
  await expect(page.locator('.topbar').getByRole('link', { name: 'Sandbox: open the Slack emulator' })).toHaveAttribute('href', `${EMULATOR_URL}/`);
  await screenshotPage(page, 'overview-empty');
  // Empty charts say so in words instead of drawing an empty frame.
  await expect(page.locator('section[aria-labelledby="open-heading"]')).toContainText('No open alerts.');
  await expect(page.locator('section[aria-labelledby="daily-heading"]')).toContainText('No alerts in the last 14 days.');
  // Copy: the install time reads like every other time in the dashboard, not a raw ISO string; there is a favicon.
  await expect(page.locator('#install-heading + .facts')).not.toContainText(/\d{4}-\d\d-\d\dT/);
  // A recent time reads relative, the exact time on hover.
  await expect(page.locator('#install-heading + .facts time')).toHaveText(/^(just now|\d+ min ago)$/);
  await expect(page.locator('#install-heading + .facts time')).toHaveAttribute('title', /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  expect((await request.get('/icon.svg')).headers()['content-type']).toContain('image/svg+xml');

  const key = await createApiKey(page, GLOBEX.id, uniqueName('first steps'));
  for (const language of ['Node.js', 'Python', 'Go']) {
    const snippet = page.getByTestId(`snippet-${language}`);
    await snippet.locator('summary').click();
    await expect(snippet.locator('pre')).toContainText(`Bearer ${key}`);
  }
  await screenshotPage(page, 'api-key-snippets');
  expect((await sendAlert(request, key, { event_type: 'first.alert', severity: 'info', title: 'My first alert' })).status()).toBe(202);

  await page.goto(`/w/${GLOBEX.id}`);
  await expect(steps.nth(0)).toHaveAttribute('data-done', 'true');
  await expect(steps.nth(1)).toHaveAttribute('data-done', 'true');
  await expect(steps.nth(2)).toHaveAttribute('data-done', 'false');
  await expect(page.locator('#open-heading .count')).toHaveText('1');
  await screenshotPage(page, 'overview-first-alert');
});
