import { describe, expect, it } from 'vitest';
import { previewRouteMatch, routeMatchQuestion } from './route-match-preview';

function route(id: string, position: number, eventTypes: string[], severities: string[], channelIds: string[], enabled = true) {
  return { id, position, eventTypes, severities, channelIds, enabled, templateId: null };
}

const ROUTES = [
  route('everything', 2, ['*'], ['critical'], ['C_ALL', 'C_DEPLOY']),
  route('deploys', 1, ['deploy.*'], ['critical', 'error'], ['C_DEPLOY']),
  route('off', 0, ['deploy.*'], ['critical'], ['C_OFF'], false),
];

describe('routeMatchQuestion', () => {
  it('reads the first value of each field, trimmed, and empty strings when absent', () => {
    expect(routeMatchQuestion({ match_event_type: [' deploy.failed ', 'x'], match_severity: 'error' })).toEqual({ eventType: 'deploy.failed', severity: 'error' });
    expect(routeMatchQuestion({})).toEqual({ eventType: '', severity: '' });
  });
});

describe('previewRouteMatch', () => {
  it('has no answer until the question names an event type and a real severity', () => {
    expect(previewRouteMatch(ROUTES, { eventType: '', severity: 'critical' })).toBeNull();
    expect(previewRouteMatch(ROUTES, { eventType: 'deploy.failed', severity: 'urgent' })).toBeNull();
  });

  it('lists the enabled matching routes in position order and each channel once, as ingestion routes', () => {
    const answer = previewRouteMatch(ROUTES, { eventType: 'deploy.failed', severity: 'critical' });
    expect(answer?.routes.map((matched) => matched.id)).toEqual(['deploys', 'everything']);
    expect(answer?.channelIds).toEqual(['C_DEPLOY', 'C_ALL']);
  });

  it('answers with no routes when none match, so the page can say the alert would be unrouted', () => {
    expect(previewRouteMatch(ROUTES, { eventType: 'db.down', severity: 'info' })).toEqual({ eventType: 'db.down', severity: 'info', routes: [], channelIds: [] });
  });
});
