import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { MAX_FORM_STEPS, parsePolicyForm, stepRows } from './policy-form';

describe('the escalation policy forms', () => {
  it("show a policy's steps as rows plus an empty one, and read them back to the same steps", () => {
    const steps = [
      { afterMinutes: 0, targets: [{ type: 'schedule' as const, id: 'sch1' }] },
      { afterMinutes: 10, targets: [{ type: 'user' as const, id: 'U0ADA' }, { type: 'user' as const, id: 'U0BOB' }] },
      { afterMinutes: 5, targets: [{ type: 'here' as const }] },
      { afterMinutes: 15, targets: [{ type: 'channel' as const, id: 'C0OPS' }] },
    ];
    const rows = stepRows(steps)!;
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual({ after: '10', type: 'user', target: 'U0ADA, U0BOB' });
    expect(rows[4]).toEqual({ after: '', type: 'schedule', target: '' });
    const values = Object.fromEntries(rows.flatMap((row, i) => [[`step${i}_after`, row.after], [`step${i}_type`, row.type], [`step${i}_target`, row.target]]));
    expect(parsePolicyForm({ ...values, name: 'Payments', repeat: '2' })).toEqual({ name: 'Payments', repeat: 2, steps });
    expect(stepRows([])).toHaveLength(MAX_FORM_STEPS);
  });

  it('cannot show a step that mixes kinds of targets', () => {
    expect(stepRows([{ afterMinutes: 1, targets: [{ type: 'user', id: 'U0ADA' }, { type: 'here' }] }])).toBeNull();
  });

  it('names the row field of a bad target, past the new-policy form rows too', () => {
    const values = { name: 'x', step0_after: '1', step0_type: 'user', step0_target: 'U0ADA', step4_after: '2', step4_type: 'user', step4_target: 'U0ADA, ada' };
    try {
      parsePolicyForm(values);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details).toContainEqual({ field: 'step4_target', message: 'must be a Slack user id such as U0123ABCD' });
    }
  });
});
