import { describe, expect, it } from 'vitest';
import { isPatternMatch, matchRoutes, type RouteLike } from './match-routes';

function route(id: string, overrides: Partial<RouteLike> = {}): RouteLike {
  return { id, enabled: true, position: 0, eventTypes: ['*'], severities: ['critical', 'error', 'warning', 'info'], channelIds: [], templateId: null, ...overrides };
}

describe('isPatternMatch', () => {
  it.each([
    ['deploy.failed', 'deploy.failed', true],
    ['deploy.failed', 'deploy.failed.x', false],
    ['deploy.*', 'deploy.failed', true],
    ['deploy.*', 'deploy.db.failed', true],
    ['deploy.*', 'deploy.', true],
    ['deploy.*', 'deploy', false],
    ['deploy.*', 'predeploy.failed', false],
    ['*.failed', 'db.backup.failed', true],
    ['*.failed', 'failed', false],
    ['*', 'anything:at/all', true],
    ['*', '', true],
    ['db.*.failed', 'db.backup.failed', true],
    ['db.*.failed', 'db.failed', false],
    ['a*b*c', 'abbbc', true],
    ['a*b*c', 'acb', false],
    ['*ab*ab', 'abab', true],
    ['a*a', 'a', false],
    ['Deploy.*', 'deploy.failed', false],
    ['deploy.+', 'deployy+', false],
    ['(.*)', 'x', false],
    ['deploy.?', 'deploy.x', false],
  ])('%s vs %s → %s', (pattern, eventType, expected) => {
    expect(isPatternMatch(pattern, eventType)).toBe(expected);
  });
});

describe('matchRoutes', () => {
  const alert = { eventType: 'deploy.failed', severity: 'critical' as const };

  it('keeps enabled routes whose pattern and severity match, in position order', () => {
    const routes = [
      route('late', { position: 2, channelIds: ['C3'] }),
      route('early', { position: 1, eventTypes: ['db.*', 'deploy.*'], channelIds: ['C1'] }),
      route('off', { enabled: false, channelIds: ['C9'] }),
      route('wrong-severity', { severities: ['info'], channelIds: ['C8'] }),
      route('wrong-type', { eventTypes: ['db.*'], channelIds: ['C7'] }),
    ];
    const result = matchRoutes(alert, routes);
    expect(result.routes.map((r) => r.id)).toEqual(['early', 'late']);
    expect(result.channelIds).toEqual(['C1', 'C3']);
  });

  it('sends each channel once, claimed by the first route so it gets that template', () => {
    const routes = [
      route('second', { position: 5, channelIds: ['C1', 'C2'], templateId: 't2' }),
      route('first', { position: 0, channelIds: ['C2', 'C2'], templateId: 't1' }),
    ];
    const { channelIds, channelRoutes } = matchRoutes(alert, routes);
    expect(channelIds).toEqual(['C2', 'C1']);
    expect(channelRoutes.get('C2')?.templateId).toBe('t1');
    expect(channelRoutes.get('C1')?.id).toBe('second');
  });

  it('breaks position ties by id, whatever the input order', () => {
    const a = route('a', { channelIds: ['C1'] });
    const b = route('b', { channelIds: ['C1'] });
    expect(matchRoutes(alert, [b, a]).channelRoutes.get('C1')?.id).toBe('a');
    expect(matchRoutes(alert, [a, b]).channelRoutes.get('C1')?.id).toBe('a');
  });

  it('returns nothing for an unrouted alert and leaves the input alone', () => {
    const routes = [route('x', { position: 2, eventTypes: ['db.*'] }), route('y', { position: 1, eventTypes: ['db.*'] })];
    expect(matchRoutes(alert, routes)).toEqual({ routes: [], channelIds: [], channelRoutes: new Map() });
    expect(routes.map((r) => r.id)).toEqual(['x', 'y']);
  });
});
