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
