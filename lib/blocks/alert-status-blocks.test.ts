import { describe, expect, it } from 'vitest';
import { buildAlertActions, buildStatusLine } from './alert-status-blocks';
import { sampleAlert } from './sample-alert';

const actionIds = (alert: Parameters<typeof buildAlertActions>[0]) => buildAlertActions(alert, 'https://k.example/a').elements.map((e) => e.action_id);

describe('on-call line and Escalate button', () => {
  it('show who is on call until the alert is resolved', () => {
    expect(JSON.stringify(buildStatusLine(sampleAlert('critical', { onCallUserId: 'U0ADA' })))).toContain('On call: <@U0ADA>');
    expect(JSON.stringify(buildStatusLine(sampleAlert('critical', { onCallUserId: 'U0ADA', status: 'resolved' })) ?? '')).not.toContain('On call');
    // An id is never a way to inject mrkdwn.
    expect(JSON.stringify(buildStatusLine(sampleAlert('critical', { onCallUserId: 'U0A>|<!here' })))).toContain('On call: <@U0Ahere>');
  });

  it('offer Escalate only on a triggered alert that has an escalation', () => {
    expect(actionIds(sampleAlert('critical', { escalates: true }))).toContain('alert_escalate');
    expect(actionIds(sampleAlert('critical', { escalates: false }))).not.toContain('alert_escalate');
    expect(actionIds(sampleAlert('critical', { escalates: true, status: 'acknowledged' }))).not.toContain('alert_escalate');
  });
});

describe('status line times', () => {
  const text = (alert: Parameters<typeof buildStatusLine>[0]) => JSON.stringify(buildStatusLine(alert));
  it("say when someone acknowledged and until when it is snoozed as Slack dates (each reader's clock), not UTC clock times", () => {
    const at = new Date('2026-05-01T14:05:00Z');
    const snoozed = text(sampleAlert('critical', { status: 'acknowledged', acknowledgedBy: { slackUserId: 'U0ADA', name: 'ada', at }, snoozedUntil: new Date('2026-05-02T09:00:00Z') }));
    expect(snoozed).toContain('Acknowledged by <@U0ADA> at <!date^1777644300^{date_short_pretty} {time}|2026-05-01 14:05 UTC>');
    expect(snoozed).toContain(':zzz: Snoozed until <!date^1777712400^{date_short_pretty} {time}|2026-05-02 09:00 UTC>');
    expect(text(sampleAlert('critical', { status: 'resolved', resolvedBy: { name: 'deploy bot', at } }))).toContain('Resolved by deploy bot at <!date^1777644300^');
  });
});
