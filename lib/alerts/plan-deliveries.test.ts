import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RouteLike } from './match-routes';
import { planDeliveries, routeAlert } from './plan-deliveries';

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
    expect(first.deliveries).toEqual([{ channelId: 'C1', templateId: null }, { channelId: 'C2', templateId: 't2' }]);
    expect(routeAlert({ eventType: 'deploy.failed', severity: 'critical' }, current)).toBe(first);
    expect(routeAlert({ eventType: 'deploy.failed', severity: 'warning' }, current).routeIds).toEqual(['r2']);
  });

  it('routes again against a reloaded configuration', () => {
    const before = config();
    const after = { ...config(), routes: [route('r3', { channelIds: ['C3'] })] };
    expect(routeAlert({ eventType: 'x', severity: 'info' }, before).routeIds).toEqual(['r2']);
    expect(routeAlert({ eventType: 'x', severity: 'info' }, after).routeIds).toEqual(['r3']);
  });

  it('hands out plans that cannot be changed by whoever holds one', () => {
    const plan = routeAlert({ eventType: 'deploy.failed', severity: 'critical' }, config());
    expect(() => plan.deliveries.push({ channelId: 'C7', templateId: null })).toThrow(TypeError);
    expect(() => Object.assign(plan.deliveries[0]!, { channelId: 'C7' })).toThrow(TypeError);
  });

  it('always answers what planDeliveries answers', () => {
    const alerts = fc.array(fc.record({ eventType: fc.constantFrom('deploy.failed', 'deploy.ok', 'db.down', 'x'), severity: fc.constantFrom(...SEVERITIES) }), { maxLength: 40 });
    fc.assert(
      fc.property(alerts, (batch) => {
        const current = config();
        for (const alert of batch) expect(routeAlert(alert, current)).toEqual(planDeliveries(alert, current));
      }),
    );
  });
});
