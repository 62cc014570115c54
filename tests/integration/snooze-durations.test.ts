// Snooze from Slack's menu: 30 minutes, 1 hour, 4 hours, or until 09:00 tomorrow on the clicker's own clock
// (users.info tz). At the end the alert comes back: its threads mention who snoozed it and who is on call,
// and its escalation starts again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { forgetRoutingConfig } from '@/lib/alerts/routing-config';
import { snoozeEnd } from '@/lib/alerts/snooze';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import { toLocal } from '@/lib/oncall/zoned-time';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { waitFor } from '../support/alert-fixtures';
import type { SlackAppServer } from '../support/slack-app-server';
import type { SandboxWorkspaces } from '../support/slack-sandbox';
import { startInstalledSandbox, type InstalledSandbox } from '../support/installed-sandbox';

let sandbox: InstalledSandbox;
let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let scope: WorkspaceScope;
let worker: Worker;

const ALERTS = 'C0ACMEALRT';
const ON_CALL = 'U0ACMEOWN1';
const KATHERINE = 'U0ACMEMEM2'; // tz America/Los_Angeles in the emulator

beforeAll(async () => {
  sandbox = await startInstalledSandbox();
  ({ emulator, workspaces, app, scope } = sandbox);
  const workspaceId = workspaces.acme.id;
  const policy = await db().escalationPolicy.create({ data: { workspaceId, name: 'Direct', steps: [{ afterMinutes: 10, targets: [{ type: 'user', id: ON_CALL }] }] } });
  await db().route.create({ data: { workspaceId, name: 'sz', eventTypes: ['sz.*'], severities: ['critical'], channelIds: [ALERTS], position: 0, escalationPolicyId: policy.id } });
  forgetRoutingConfig(workspaceId);
  worker = startWorker({ pollMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await sandbox.stop();
});

async function posted(title: string) {
  const { id } = await ingestAlert(scope, { action: 'trigger', eventType: 'sz.x', severity: 'critical', title, fields: {}, links: [] });
  const delivery = await waitFor(async () => (await db().delivery.findFirst({ where: { alertId: id, state: 'sent' } })) ?? null, 10_000, 'posted');
  return { id, ts: delivery.messageTs! };
}
async function snoozeFor(ts: string, alertId: string, choice: string, userId: string) {
  await emulator.state.clickButton({ teamId: workspaces.acme.id, channelId: ALERTS, ts, actionId: 'alert_snooze_for', value: `${alertId}|${choice}`, userId });
  await app.settled();
  return (await db().alert.findUniqueOrThrow({ where: { id: alertId } })).snoozedUntil;
}

describe('Snooze for…', () => {
  it('offers the durations, each ending when it says', async () => {
    const { id, ts } = await posted('Backups late');
    const menu = JSON.stringify(emulator.state.messages(ALERTS).find((m) => m.ts === ts)?.blocks);
    for (const label of ['30 minutes', '1 hour', '4 hours', 'Until 09:00 tomorrow']) expect(menu).toContain(label);
    for (const [choice, minutes] of [['30m', 30], ['4h', 240], ['1h', 60]] as const) {
      const before = Date.now();
      const until = (await snoozeFor(ts, id, choice, 'U0ACMEMEM1'))!.getTime();
      expect(until).toBeGreaterThanOrEqual(before + minutes * 60_000);
      expect(until).toBeLessThan(Date.now() + minutes * 60_000 + 1);
    }
  });

  it("snoozes until 09:00 tomorrow in the clicker's time zone (users.info), then re-notifies and escalates again at the end", async () => {
    const { id, ts } = await posted('Disk 91%');
    emulator.state.clearCalls();
    const before = new Date();
    const until = (await snoozeFor(ts, id, 'tomorrow', KATHERINE))!;
    expect(emulator.state.calls('users.info')).toContainEqual(expect.objectContaining({ params: expect.objectContaining({ user: KATHERINE }) as unknown }));
    expect(toLocal(until.getTime(), 'America/Los_Angeles')).toMatchObject({ hour: 9, minute: 0 });
    expect([snoozeEnd('tomorrow', before, 'America/Los_Angeles').getTime(), snoozeEnd('tomorrow', new Date(), 'America/Los_Angeles').getTime()]).toContain(until.getTime());
    expect((await db().job.findMany({ where: { alertId: id, kind: 'escalation-step' } })).map((job) => job.state)).toEqual(['cancelled']);

    // The snooze's time comes.
    await sqlPool().query("UPDATE jobs SET run_at = now() WHERE alert_id = $1 AND kind = 'snooze-expiry' AND state = 'pending'", [id]);
    const replies = () => emulator.state.messages(ALERTS).filter((m) => m.thread_ts === ts).map((m) => String(m.text));
    await waitFor(() => replies().some((text) => text === `Snooze ended: this alert is still triggered. <@${KATHERINE}> <@${ON_CALL}>`), 10_000, 'the re-notification');
    await waitFor(() => emulator.state.messages(`D${ON_CALL.slice(1)}`).some((m) => String(m.text).includes('Disk 91%')), 10_000, 'escalation again: the DM');
  });
});
