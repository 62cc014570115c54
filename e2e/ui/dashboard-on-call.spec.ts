import { expect, test } from '@playwright/test';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { EMULATOR_URL } from '../support/ports';
import { ACME, installFromLanding } from '../support/slack-ui';

test('set up a schedule and an escalation policy in the dashboard, and watch an unacknowledged alert escalate to a DM in the emulator', async ({ page, request }) => {
  test.setTimeout(90_000);
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.getByRole('link', { name: 'On call' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'On call' })).toBeVisible();

  // A bad time zone is refused under its field, with what was typed kept.
  const form = page.getByRole('form', { name: 'Create a schedule' });
  const name = uniqueName('Payments primary');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Time zone').fill('Mars/Olympus');
  await form.getByLabel(/Participants/).fill(`${ACME.member}, ${ACME.owner}`);
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form.getByText('must be an IANA time zone such as Europe/Berlin or UTC', { exact: true })).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue(name);

  await form.getByLabel('Rotation').selectOption('daily');
  // Started yesterday, so someone is on call now whatever the time of day.
  await form.getByLabel('First hand-off (date)').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await form.getByLabel('Time zone').fill('Europe/Berlin');
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form.getByText(`Created the schedule “${name}”.`)).toBeVisible();
  const card = page.getByTestId('schedule').filter({ hasText: name });
  await expect(card.getByTestId('on-call-now')).toContainText('On call now:');
  // Daily hand-offs between two people over 14 days: at least 14 segments, alternating.
  await expect.poll(async () => card.getByTestId('timeline').locator('.timeline-segment').count()).toBeGreaterThanOrEqual(14);

  // An override for the next hour comes first in the timeline.
  const inAnHour = (hours: number) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hours * 3_600_000).toISOString().slice(0, 16);
  await card.getByLabel('Who (Slack user id)').fill(ACME.admin);
  await card.getByLabel('From (UTC)').fill(inAnHour(0));
  await card.getByLabel('To (UTC)').fill(inAnHour(3));
  await card.getByRole('button', { name: 'Add override' }).click();
  await expect(card).toContainText(`Override: ${ACME.adminName}`);
  await expect(card.getByRole('button', { name: 'Copy calendar URL' })).toBeVisible();
  await screenshotPage(page, 'on-call-schedules');
  // Times read as the rest of the dashboard's do: each shift's span on hover in UTC, no raw ISO string on the page.
  await expect(card.getByTestId('timeline').locator('.timeline-segment').first()).toHaveAttribute('title', /^.+: \d{4}-\d\d-\d\d \d\d:\d\d UTC – \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  expect(await card.innerText()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);

  // A policy paging the schedule's on-call person at once.
  await page.getByRole('link', { name: 'Escalation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Escalation' })).toBeVisible();
  const scheduleId = await page.locator('#schedule-ids option', { hasText: name }).getAttribute('value');
  const policyForm = page.getByRole('form', { name: 'Create an escalation policy' });
  const policyName = uniqueName('Payments');
  await policyForm.getByLabel('Name', { exact: true }).fill(policyName);
  await policyForm.getByLabel('Step 1: after (minutes)').fill('0');
  await policyForm.getByLabel('Step 1: notify').selectOption('schedule');
  await policyForm.getByLabel('Step 1: whom').fill(scheduleId!);
  await policyForm.getByLabel('Step 2: after (minutes)').fill('15');
  await policyForm.getByLabel('Step 2: notify').selectOption('user');
  await policyForm.getByLabel('Step 2: whom').fill('nobody');
  await policyForm.getByRole('button', { name: 'Create policy' }).click();
  await expect(policyForm.getByText('must be a Slack user id such as U0123ABCD', { exact: true })).toBeVisible();
  await policyForm.getByLabel('Step 2: whom').fill(ACME.admin);
  await policyForm.getByRole('button', { name: 'Create policy' }).click();
  await expect(policyForm.getByText(`Created the policy “${policyName}”.`)).toBeVisible();
  const policy = page.getByTestId('policy').filter({ hasText: policyName });
  await expect(policy).toContainText(`After 0 min unacknowledged: notify on call of ${name}`);
  await expect(policy).toContainText(`After 15 min unacknowledged: notify @${ACME.adminName}`);
  await screenshotPage(page, 'escalation-policies');

  // A route picks the policy in the routes form; an alert sent to it pages the on-call person by DM.
  const eventType = `oncall.e2e${Date.now().toString(36)}`;
  await page.getByRole('link', { name: 'Routes' }).click();
  const routeForm = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New route' }) });
  await routeForm.getByLabel('Name').fill(uniqueName('On call'));
  await routeForm.getByLabel('Event types').fill(eventType);
  await routeForm.getByRole('checkbox', { name: 'critical' }).check();
  await routeForm.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: '#alerts', exact: true }).check();
  await routeForm.getByLabel('Escalation policy').selectOption({ label: policyName });
  await routeForm.getByLabel('Remind after N minutes acknowledged').fill('120');
  await routeForm.getByRole('button', { name: 'Create route' }).click();
  await expect(page.getByTestId('route-item').filter({ hasText: eventType })).toBeVisible();
  await screenshotPage(page, 'route-form-escalation');
  const key = await createApiKey(page, ACME.id, uniqueName('escalation e2e'));
  const title = uniqueName('Checkout is down');
  expect((await sendAlert(request, key, { event_type: eventType, severity: 'critical', title })).status()).toBe(202);
  // The override starts at the next full hour: now it is the rotation's person who is paged.
  const onCall = (await (await request.get(`/api/v1/schedules/${scheduleId}`, { headers: { Authorization: `Bearer ${key}` } })).json()) as { on_call: { user: string } };
  await page.goto(`${EMULATOR_URL}/t/${ACME.id}/c/D${onCall.on_call.user.slice(1)}?as=${onCall.on_call.user}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(title).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await screenshotPage(page, 'escalation-dm-in-emulator');
  await page.goto(`${EMULATOR_URL}/t/${ACME.id}/c/C0ACMEALRT?as=${ACME.owner}`);
  await expect(page.getByText(title).first()).toBeVisible();
  await expect(page.getByText(`On call: `).first()).toBeVisible();
  await screenshotPage(page, 'escalation-alert-message');
});
