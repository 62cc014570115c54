import { describe, expect, it } from 'vitest';
import { onCallLine } from './on-call-summary';

describe('onCallLine', () => {
  it("says until when and from when as Slack dates (each reader's clock, UTC fallback), never ISO strings", () => {
    const line = onCallLine('Payments <primary>', { user: 'U0ADA', until: new Date('2026-05-02T09:00:00Z'), next: { user: 'U0GRACE', at: new Date('2026-05-02T09:00:00Z') } });
    expect(line).toBe(
      '*Payments &lt;primary&gt;*: <@U0ADA> until <!date^1777712400^{date_short_pretty} {time}|2026-05-02 09:00 UTC> · next <@U0GRACE> from <!date^1777712400^{date_short_pretty} {time}|2026-05-02 09:00 UTC>',
    );
    expect(line).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('says nobody, and leaves out the times it does not know', () => {
    expect(onCallLine('Search', { user: null, until: null, next: null })).toBe('*Search*: _nobody_');
  });
});
