import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RouteLike } from './match-routes';
import { groupKeyOf, planDeliveries, routeAlert } from './plan-deliveries';

const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;

function route(id: string, overrides: Partial<RouteLike> = {}): RouteLike {
  return { id, enabled: true, position: 0, eventTypes: ['*'], severities: [...SEVERITIES], channelIds: [], templateId: null, ...overrides };
}

describe('routeAlert', () => {
  const config = () => ({
    routes: [route('r1', { eventTypes: ['deploy.*'], severities: ['critical'], channelIds: ['C1'] }), route('r2', { eventTypes: ['*'], channelIds: ['C2'], templateId: 't2' })],
    unroutedChannelId: 'C9',
  });

  it('gives the same event type and severity the same plan, while the configuration object stays the same', () => {
    const current = config();
    const first = routeAlert({ eventType: 'deploy.failed', severity: 'critical' }, current);
    expect(first.deliveries).toEqual([{ channelId: 'C1', templateId: null, groupKey: null }, { channelId: 'C2', templateId: 't2', groupKey: null }]);
    expect(routeAlert({ eventType: 'deploy.failed', severity: 'critical' }, current)).toBe(first);
    expect(routeAlert({ eventType: 'deploy.failed', severity: 'warning' }, current).routeIds).toEqual(['r2']);
  });

  it('routes again against a reloaded configuration', () => {
    const before = config();
    const after = { ...config(), routes: [route('r3', { channelIds: ['C3'] })] };
    expect(routeAlert({ eventType: 'x', severity: 'info' }, before).routeIds).toEqual(['r2']);
    expect(routeAlert({ eventType: 'x', severity: 'info' }, after).routeIds).toEqual(['r3']);
  });

  it('works out a field group key per alert, though the match is remembered', () => {
    const grouping = { routes: [route('r1', { channelIds: ['C1'], groupBy: 'field:region' }), route('r2', { channelIds: ['C2'] })], unroutedChannelId: null };
    const eu = routeAlert({ eventType: 'disk.full', severity: 'critical', fields: { region: 'eu-1' } }, grouping);
    const us = routeAlert({ eventType: 'disk.full', severity: 'critical', fields: { region: 'us-2' } }, grouping);
    expect(eu.deliveries.map((delivery) => delivery.groupKey)).toEqual(['field:region=eu-1', null]);
    expect(us.deliveries.map((delivery) => delivery.groupKey)).toEqual(['field:region=us-2', null]);
  });

  it('hands out plans that cannot be changed by whoever holds one', () => {
    const plan = routeAlert({ eventType: 'deploy.failed', severity: 'critical' }, config());
    expect(() => plan.deliveries.push({ channelId: 'C7', templateId: null, groupKey: null })).toThrow(TypeError);
    expect(() => Object.assign(plan.deliveries[0]!, { channelId: 'C7' })).toThrow(TypeError);
  });

  it('always answers what planDeliveries answers', () => {
    const alerts = fc.array(fc.record({ eventType: fc.constantFrom('deploy.failed', 'deploy.ok', 'db.down', 'x'), severity: fc.constantFrom(...SEVERITIES), fields: fc.record({ region: fc.constantFrom('eu-1', 'us-2', '') }) }), { maxLength: 40 });
    fc.assert(
      fc.property(alerts, (batch) => {
        const current = { ...config(), routes: [...config().routes, route('r3', { eventTypes: ['db.*'], channelIds: ['C3'], groupBy: 'field:region' })] };
        for (const alert of batch) expect(routeAlert(alert, current)).toEqual(planDeliveries(alert, current));
      }),
    );
  });
});

const diskRoute = { id: 'r1', enabled: true, position: 0, eventTypes: ['disk.*'], severities: ['critical'], channelIds: ['C1', 'C2'], templateId: null };

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
    const plan = planDeliveries({ eventType: 'disk.full', severity: 'critical' }, { routes: [{ ...diskRoute, groupBy: 'event_type' }, { ...diskRoute, id: 'r2', position: 1, channelIds: ['C3'] }], unroutedChannelId: null });
    expect(plan.deliveries).toEqual([
      { channelId: 'C1', templateId: null, groupKey: 'event_type=disk.full' },
      { channelId: 'C2', templateId: null, groupKey: 'event_type=disk.full' },
      { channelId: 'C3', templateId: null, groupKey: null },
    ]);
  });
});
