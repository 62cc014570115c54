import { expect, test } from '@playwright/test';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { ACME, installFromLanding } from '../support/slack-ui';

// The viewer's clock for "until 09:00 tomorrow" is the browser's.
test.use({ timezoneId: 'Asia/Tokyo' });

test('edit a schedule (a layer changed, a layer added, an override removed) and a policy (its steps changed) in the dashboard', async ({ page }) => {
  test.setTimeout(90_000);
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.goto(`/w/${ACME.id}/on-call`);
  const form = page.getByRole('form', { name: 'Create a schedule' });
  const name = uniqueName('Storage primary');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Rotation').selectOption('daily');
  await form.getByLabel('First hand-off (date)').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await form.getByLabel(/Participants/).fill(ACME.member);
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form.getByText(`Created the schedule “${name}”.`)).toBeVisible();
  const card = page.getByTestId('schedule').filter({ hasText: name });
  await expect(card.getByTestId('on-call-now')).toContainText(`On call now: ${ACME.memberName}`);

  // Edit layer 1: weekly, another person, another zone; a bad time zone first is refused under its field.
  await card.getByText('Edit layer 1').click();
  const edit = card.getByRole('form', { name: 'Save layer 1' });
  await edit.getByLabel('Time zone').fill('Mars/Olympus');
  await edit.getByRole('button', { name: 'Save layer 1' }).click();
  await expect(edit.getByText('must be an IANA time zone such as Europe/Berlin or UTC', { exact: true })).toBeVisible();
  await edit.getByLabel('Rotation').selectOption('weekly');
  await edit.getByLabel('Time zone').fill('America/New_York');
  await edit.getByLabel(/Participants/).fill(ACME.admin);
  await edit.getByRole('button', { name: 'Save layer 1' }).click();
  await expect(card.getByTestId('rotation').first()).toContainText(`Layer 1: Weekly from`);
  await expect(card.getByTestId('rotation').first()).toContainText(`(America/New_York): ${ACME.adminName}`);
  await expect(card.getByTestId('on-call-now')).toContainText(`On call now: ${ACME.adminName}`);

  // Add a second layer: it wins where it has someone (always, here).
  await card.getByText('Add a layer').click();
  const add = card.getByRole('form', { name: 'Add layer' });
  await add.getByLabel('Rotation').selectOption('daily');
  await add.getByLabel('First hand-off (date)').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await add.getByLabel(/Participants/).fill(ACME.owner);
  await add.getByRole('button', { name: 'Add layer' }).click();
  await expect(card.getByTestId('rotation')).toHaveCount(2);
  await expect(card.getByTestId('on-call-now')).toContainText("On call now: ada");

  // The sandbox's @payments-oncall group follows who is on call; a bad id is refused under the field.
  const group = card.getByRole('form', { name: 'Save user group' });
  await group.getByLabel('Slack user group id (optional)').fill('payments');
  await group.getByRole('button', { name: 'Save user group' }).click();
  await expect(group.getByText('must be a Slack user group id such as S0123ABCD', { exact: true })).toBeVisible();
  await group.getByLabel('Slack user group id (optional)').fill('S0ACMEONC1');
  await group.getByRole('button', { name: 'Save user group' }).click();
  await expect(card.getByTestId('user-group')).toContainText('S0ACMEONC1');

  // An override, then removed.
  const hour = (hours: number) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hours * 3_600_000).toISOString().slice(0, 16);
  await card.getByLabel('Who (Slack user id)').fill(ACME.member);
  await card.getByLabel('From (UTC)').fill(hour(1));
  await card.getByLabel('To (UTC)').fill(hour(3));
  await card.getByRole('button', { name: 'Add override' }).click();
  await expect(card.getByTestId('override')).toHaveCount(1);
  await card.getByText('Edit layer 2').click();
  await screenshotPage(page, 'on-call-editing');
  page.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: `Remove the override of ${ACME.memberName}` }).click();
  await expect(card.getByTestId('override')).toHaveCount(0);
  // Removing layer 2 puts layer 1's person back on call.
  page.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: 'Remove layer 2' }).click();
  await expect(card.getByTestId('rotation')).toHaveCount(1);
  await expect(card.getByTestId('on-call-now')).toContainText(`On call now: ${ACME.adminName}`);

  // A policy, then edited: its step 1 now pages two users, a third step added.
  await page.goto(`/w/${ACME.id}/escalation`);
  const policyForm = page.getByRole('form', { name: 'Create an escalation policy' });
  const policyName = uniqueName('Storage');
  await policyForm.getByLabel('Name', { exact: true }).fill(policyName);
  await policyForm.getByLabel('Step 1: notify').selectOption('user');
  await policyForm.getByLabel('Step 1: whom').fill(ACME.member);
  await policyForm.getByRole('button', { name: 'Create policy' }).click();
  await expect(policyForm.getByText(`Created the policy “${policyName}”.`)).toBeVisible();
  const policy = page.getByTestId('policy').filter({ hasText: policyName });
  await policy.getByText(`Edit ${policyName}`).click();
  const editPolicy = policy.getByRole('form', { name: 'Save policy' });
  await expect(editPolicy.getByLabel('Step 1: whom')).toHaveValue(ACME.member);
  await editPolicy.getByLabel('Step 1: after (minutes)').fill('2');
  await editPolicy.getByLabel('Step 1: whom').fill(`${ACME.member}, ${ACME.admin}`);
  await editPolicy.getByLabel('Step 2: after (minutes)').fill('20');
  await editPolicy.getByLabel('Step 2: notify').selectOption('here');
  await editPolicy.getByLabel('Repeat the whole policy (times)').fill('1');
  await editPolicy.getByRole('button', { name: 'Save policy' }).click();
  await expect(editPolicy.getByText(`Saved the policy “${policyName}”.`)).toBeVisible();
  await expect(policy).toContainText(`After 2 min unacknowledged: notify @${ACME.memberName}, @${ACME.adminName}`);
  await expect(policy).toContainText('After 20 min unacknowledged: notify @here');
  await expect(policy).toContainText('Then repeats 1 more time.');
  await screenshotPage(page, 'escalation-editing');
});

test('snooze an alert from the dashboard: until 09:00 tomorrow on the viewer’s clock, through the same lifecycle as Slack', async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('Snooze'));
  const title = uniqueName('Disk nearly full');
  const sent = await sendAlert(request, key, { event_type: 'snooze.dashboard', severity: 'warning', title });
  expect(sent.status()).toBe(202);
  const { id } = (await sent.json()) as { id: string };
  await page.goto(`/w/${ACME.id}/alerts/${id}`);
  await page.getByRole('button', { name: 'Snooze until 09:00 tomorrow' }).click();
  await expect(page.getByText('Snoozed (until 09:00 tomorrow).')).toBeVisible();
  const alert = (await (await request.get(`/api/v1/alerts/${id}`, { headers: { Authorization: `Bearer ${key}` } })).json()) as {
    snoozed_until: string;
    activity: Array<{ kind: string; via: string }>;
  };
  // 09:00 in Tokyo (UTC+9, no DST) is 00:00 UTC, on the day after today in Tokyo.
  const tokyoToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const expected = new Date(Date.parse(`${tokyoToday}T00:00:00Z`) + 86_400_000).toISOString();
  expect(new Date(alert.snoozed_until).toISOString()).toBe(expected);
  expect(alert.activity.at(-1)).toMatchObject({ kind: 'snoozed', via: 'dashboard' });
  await expect(page.getByText('Snoozed until')).toBeVisible();
  await screenshotPage(page, 'alert-snoozed');

  await page.getByRole('button', { name: 'Snooze 30 minutes' }).click();
  await expect(page.getByText('Snoozed (30 minutes).')).toBeVisible();
  const again = (await (await request.get(`/api/v1/alerts/${id}`, { headers: { Authorization: `Bearer ${key}` } })).json()) as { snoozed_until: string };
  expect(Math.abs(new Date(again.snoozed_until).getTime() - (Date.now() + 30 * 60_000))).toBeLessThan(60_000);
});
