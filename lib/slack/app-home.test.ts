import { describe, expect, it } from 'vitest';
import { homeAlertBlock, type HomeAlert } from './app-home';

const alert: HomeAlert = { id: 'a1', title: 'Disk <full>', eventType: 'disk.full', severity: 'critical', status: 'triggered', createdAt: new Date('2026-05-01T13:58:00Z'), occurrences: 3 };

describe('homeAlertBlock', () => {
  it("says when the alert came as a Slack date (each reader's clock, UTC fallback), never an ISO string", () => {
    const text = homeAlertBlock(alert, 0).text.text;
    expect(text).toContain('`disk.full` · triggered <!date^1777643880^{date_short_pretty} {time}|2026-05-01 13:58 UTC> · seen 3 times');
    expect(text).toContain('*Disk &lt;full&gt;*');
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('offers Acknowledge on a triggered alert and Resolve on an acknowledged one, each action id unique per row', () => {
    expect(homeAlertBlock(alert, 4).accessory).toMatchObject({ action_id: 'alert_acknowledge:4', text: { text: 'Acknowledge' }, value: 'a1' });
    expect(homeAlertBlock({ ...alert, status: 'acknowledged' }, 5).accessory).toMatchObject({ action_id: 'alert_resolve:5', text: { text: 'Resolve' }, value: 'a1' });
  });
});
