import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../emulator/types';
import { postedMessages, reconcile } from './reconcile';

const post = (deliveryId: string | null, channel: string, extra: Partial<CallRecord> = {}): CallRecord => ({
  method: 'chat.postMessage',
  params: { channel, ...(deliveryId ? { metadata: JSON.stringify({ event_type: 'klaxon_alert', event_payload: { delivery_id: deliveryId } }) } : {}) },
  ok: true,
  status: 200,
  at: '2026-12-03T15:00:00.000Z',
  ...extra,
});

describe('postedMessages', () => {
  it('reads the delivery id from metadata sent as a JSON object (a JSON body, as Klaxon posts) or as a JSON string (a form)', () => {
    const asObject: CallRecord = { ...post(null, 'C1'), params: { channel: 'C1', metadata: { event_type: 'klaxon_alert', event_payload: { delivery_id: 'a1_1' } } } };
    const posts = postedMessages([asObject, post('a2_1', 'C2')]);
    expect([...posts.keys()]).toEqual(['a1_1', 'a2_1']);
    expect(posts.get('a1_1')).toEqual([{ at: Date.parse('2026-12-03T15:00:00.000Z'), channel: 'C1' }]);
  });
});

describe('reconcile', () => {
  it('counts each expected post as posted once, lost, duplicated or failed visibly, and posts to other channels as misplaced', () => {
    const calls = [
      post('a1_1', 'C1'),
      post('a2_1', 'C1'),
      post('a2_1', 'C1', { fault: 'dropped' }),
      post('a3_1', 'C1', { ok: false, status: 429, error: 'ratelimited' }),
      post('a4_2', 'C9'),
      post(null, 'C1'),
      post('a5_1', 'C1', { fault: 'late' }),
    ];
    const expected = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((alertId) => ({ alertId, channel: 'C1' }));
    const result = reconcile(expected, postedMessages(calls), new Set(['a6']));
    expect(result).toMatchObject({ expected: 6, posted: 2, duplicated: 1, lost: 2, failedVisibly: 1, misplaced: 1 });
    expect(result.examples).toEqual(['a2 posted 2 times to C1', 'a3 never posted to C1', 'a4 never posted to C1', 'a4 posted to C9, not routed there']);
  });

  it('keeps alert ids that hold underscores whole, and counts an alert per channel', () => {
    const posts = postedMessages([post('x_y_1', 'C1'), post('x_y_2', 'C2')]);
    expect(reconcile([{ alertId: 'x_y', channel: 'C1' }, { alertId: 'x_y', channel: 'C2' }], posts)).toMatchObject({ posted: 2, lost: 0, duplicated: 0, misplaced: 0 });
  });
});
