import { describe, expect, it } from 'vitest';
import { groupKeyOf, planDeliveries } from './plan-deliveries';

const route = { id: 'r1', enabled: true, position: 0, eventTypes: ['disk.*'], severities: ['critical'], channelIds: ['C1', 'C2'], templateId: null };

describe('groupKeyOf', () => {
  const alert = { eventType: 'disk.full', fields: { region: 'eu-1', count: 3 }, groupKey: '{}:{alertname="DiskFull"}' };

  it('keys by the event type, a field value or the sender\'s group key', () => {
    expect(groupKeyOf('event_type', alert)).toBe('event_type=disk.full');
    expect(groupKeyOf('field:region', alert)).toBe('field:region=eu-1');
    expect(groupKeyOf('field:count', alert)).toBe('field:count=3');
    expect(groupKeyOf('group_key', alert)).toBe('group_key={}:{alertname="DiskFull"}');
  });

  it('does not group an alert that lacks the value, nor on a route that does not group', () => {
    expect(groupKeyOf('field:host', alert)).toBeNull();
    expect(groupKeyOf('field:toString', alert)).toBeNull();
    expect(groupKeyOf('group_key', { eventType: 'x' })).toBeNull();
    expect(groupKeyOf(null, alert)).toBeNull();
  });

  it('keeps a long value as its hash: equal values still share a key', () => {
    const long = { eventType: 'x', groupKey: 'k'.repeat(1_000) };
    const key = groupKeyOf('group_key', long)!;
    expect(key).toMatch(/^group_key#[0-9a-f]{64}$/);
    expect(groupKeyOf('group_key', { ...long })).toBe(key);
    expect(groupKeyOf('group_key', { eventType: 'x', groupKey: `${'k'.repeat(999)}j` })).not.toBe(key);
  });
});

describe('planDeliveries', () => {
  it('gives each channel the group key of the route that claimed it', () => {
    const plan = planDeliveries({ eventType: 'disk.full', severity: 'critical' }, { routes: [{ ...route, groupBy: 'event_type' }, { ...route, id: 'r2', position: 1, channelIds: ['C3'] }], unroutedChannelId: null });
    expect(plan.deliveries).toEqual([
      { channelId: 'C1', templateId: null, groupKey: 'event_type=disk.full' },
      { channelId: 'C2', templateId: null, groupKey: 'event_type=disk.full' },
      { channelId: 'C3', templateId: null, groupKey: null },
    ]);
  });
});
