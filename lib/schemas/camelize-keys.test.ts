import { describe, expect, it } from 'vitest';
import { camelizeKeys } from './camelize-keys';

describe('camelizeKeys', () => {
  it('renames top-level snake_case keys and keeps nested values as they are', () => {
    const value = { event_type: 'deploy', dedup_key: 'k', occurred_at: 'now', fields: { build_id: 7 }, title: 't', x_2: true };
    expect(camelizeKeys(value)).toEqual({ eventType: 'deploy', dedupKey: 'k', occurredAt: 'now', fields: { build_id: 7 }, title: 't', x2: true });
  });

  it('renames the same way once many different names have been seen', () => {
    for (let i = 0; i < 1_500; i += 1) expect(camelizeKeys({ [`name_${i}_x`]: i })).toEqual({ [`name${i}X`]: i });
    expect(camelizeKeys({ auto_resolve_minutes: 5 })).toEqual({ autoResolveMinutes: 5 });
  });
});
