// PagerDuty's Events API v2 event onto a Klaxon alert: `routing_key` is the Klaxon API key, `event_action`
// triggers, acknowledges or resolves by `dedup_key`, `payload` makes the message. Errors are answered in
// PagerDuty's own shape so its client libraries read them.
import { z } from 'zod';
import type { PlainResponse } from '../http/to-response';
import type { AlertInput } from '../schemas/alert';
import { SEVERITIES } from '../schemas/primitives';
import { statusChangeOf, triggerOf } from './alert-shape';

const text = z.string({ error: 'must be a string' });

/** pagerDutyEventSchema is an Events API v2 event (its `routing_key` is read by the access stage). */
export const pagerDutyEventSchema = z
  .object({
    routing_key: text.min(1),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve'], { error: "must be one of 'trigger', 'acknowledge', 'resolve'" }),
    dedup_key: text.max(255).optional(),
    payload: z
      .object({
        summary: text.min(1, 'is required').max(1024),
        source: text.min(1, 'is required').max(255),
        severity: z.enum(SEVERITIES, { error: "must be one of 'critical', 'error', 'warning', 'info'" }),
        timestamp: text.optional(),
        component: text.optional(),
        group: text.optional(),
        class: text.optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
    images: z.array(z.object({ src: text, href: text.optional(), alt: text.optional() })).optional(),
    links: z.array(z.object({ href: text, text: text.optional() })).optional(),
    client: text.optional(),
    client_url: text.optional(),
  })
  .superRefine((event, context) => {
    if (event.event_action === 'trigger' && !event.payload) context.addIssue({ code: 'custom', path: ['payload'], message: 'is required for a trigger' });
    if (event.event_action !== 'trigger' && !event.dedup_key) context.addIssue({ code: 'custom', path: ['dedup_key'], message: `is required to ${event.event_action}` });
  });

/** PagerDutyEvent is a validated event. */
export type PagerDutyEvent = z.output<typeof pagerDutyEventSchema>;

function detailsFields(details: unknown): Record<string, unknown> {
  if (details === undefined || details === null) return {};
  return typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : { details };
}

/** pagerDutyAlert maps an event to a Klaxon alert input: `payload.class` (else `pagerduty`) is the event type. */
export function pagerDutyAlert(event: PagerDutyEvent): AlertInput {
  if (event.event_action !== 'trigger') return statusChangeOf(event.event_action, event.dedup_key!);
  const payload = event.payload!;
  return triggerOf({
    eventType: payload.class,
    fallbackEventType: 'pagerduty',
    severity: payload.severity,
    title: payload.summary,
    dedupKey: event.dedup_key,
    source: payload.source,
    occurredAt: payload.timestamp,
    links: [
      ...(event.links ?? []).map((link) => ({ text: link.text ?? link.href, url: link.href })),
      ...(event.images ?? []).map((image) => ({ text: image.alt ?? 'Image', url: image.href ?? image.src })),
      ...(event.client_url ? [{ text: event.client ?? 'Source', url: event.client_url }] : []),
    ],
    fields: { source: payload.source, component: payload.component, group: payload.group, ...detailsFields(payload.custom_details) },
  });
}

/** pagerDutyError answers an error as PagerDuty does: `{ status, message, errors }` (PagerDuty's words for 400 and 429). */
export function pagerDutyError(answer: PlainResponse): PlainResponse {
  const { error } = answer.body as { error: { message: string; details?: Array<{ field: string; message: string }> } };
  const errors = error.details?.length ? error.details.map((detail) => (detail.field ? `${detail.field}: ${detail.message}` : detail.message)) : [error.message];
  const status = answer.status === 400 ? 'invalid event' : answer.status === 429 ? 'throttle event' : 'error';
  const message = answer.status === 400 ? 'Event object is invalid' : error.message;
  return { ...answer, body: { status, message, errors } };
}
