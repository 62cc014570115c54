// A believable alert for template previews, so an author sees every part of the message filled in.
import { type RenderableAlert } from './renderable-alert';

// Fixed times keep previews (and their tests) deterministic.
const OCCURRED_AT = new Date('2024-05-01T13:58:00Z');
const LAST_SEEN_AT = new Date('2024-05-01T14:02:00Z');

/** sampleAlert returns a sample alert of `severity` for previews; `overrides` replace any of its properties. */
export function sampleAlert(severity: RenderableAlert['severity'], overrides: Partial<RenderableAlert> = {}): RenderableAlert {
  return {
    id: 'sample-alert',
    eventType: 'deploy.failed',
    severity,
    title: 'Deploy of checkout-api to production failed',
    description: 'The rollout of `v2.14.0` stopped: 3 of 12 pods failed their readiness probe.',
    source: 'ci.example.com',
    fields: { service: 'checkout-api', environment: 'production', version: 'v2.14.0', 'failed pods': 3 },
    links: [
      { text: 'Build log', url: 'https://ci.example.com/builds/4812' },
      { text: 'Runbook', url: 'https://wiki.example.com/runbooks/deploys' },
    ],
    occurrences: 2,
    status: 'triggered',
    occurredAt: OCCURRED_AT,
    lastSeenAt: LAST_SEEN_AT,
    acknowledgedBy: null,
    resolvedBy: null,
    snoozedUntil: null,
    ...overrides,
  };
}
