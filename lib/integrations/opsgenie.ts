// Opsgenie's Alert API v2 (create, acknowledge, close) onto Klaxon alerts: `alias` is the dedup key, `priority`
// P1–P5 the severity. Answers and errors take Opsgenie's shape `{ result | message, took, requestId }` so its
// SDKs read them.
import { z } from 'zod';
import type { PlainResponse } from '../http/to-response';
import type { AlertInput } from '../schemas/alert';
import { triggerOf } from './alert-shape';
import type { SeverityMap } from './severity';

const text = z.string({ error: 'must be a string' });
const responderSchema = z.object({ type: text, id: text.optional(), name: text.optional(), username: text.optional() });

/** opsgenieCreateSchema is a create-alert request body. */
export const opsgenieCreateSchema = z.object({
  message: text.min(1, 'Message can not be empty.').max(130),
  alias: text.max(512).optional(),
  description: text.max(15_000).optional(),
  responders: z.array(responderSchema).optional(),
  visibleTo: z.array(responderSchema).optional(),
  actions: z.array(text).optional(),
  tags: z.array(text).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  entity: text.optional(),
  source: text.optional(),
  priority: z.enum(['P1', 'P2', 'P3', 'P4', 'P5'], { error: 'must be one of P1, P2, P3, P4, P5' }).default('P3'),
  user: text.optional(),
  note: text.optional(),
});

/** opsgenieActionSchema is an acknowledge or close request body (all optional). */
export const opsgenieActionSchema = z.object({ user: text.optional(), source: text.optional(), note: text.optional() }).optional();

/** identifierTypeSchema reads `?identifierType=`: Opsgenie's default is the alert id. */
export const identifierTypeSchema = z.enum(['id', 'alias'], { error: 'identifierType must be id or alias' }).default('id');

const PRIORITIES: SeverityMap = { p1: 'critical', p2: 'error', p3: 'warning', p4: 'info', p5: 'info' };

function responderName(responder: z.output<typeof responderSchema>): string {
  return `${responder.type}:${responder.name ?? responder.username ?? responder.id ?? '?'}`;
}

/**
 * opsgenieAlert maps a create request to a Klaxon trigger of event type `opsgenie` (an entity is a host or service
 * name, not a kind of event); an integration's severity map, when it has one, reads the priorities instead.
 */
export function opsgenieAlert(body: z.output<typeof opsgenieCreateSchema>, severityMap: SeverityMap = PRIORITIES): AlertInput {
  return triggerOf({
    eventType: undefined,
    fallbackEventType: 'opsgenie',
    severity: body.priority,
    severityMap,
    title: body.message,
    description: body.description,
    dedupKey: body.alias,
    source: body.source,
    fields: {
      priority: body.priority,
      ...(body.tags?.length ? { tags: body.tags.join(', ') } : {}),
      ...(body.responders?.length ? { responders: body.responders.map(responderName).join(', ') } : {}),
      entity: body.entity,
      ...body.details,
    },
  });
}

/** opsgenieAccepted is Opsgenie's 202 answer. */
export function opsgenieAccepted(startedAt: number, requestId: string): PlainResponse {
  return { status: 202, headers: {}, body: { result: 'Request will be processed', took: tookSince(startedAt), requestId } };
}

const tookSince = (startedAt: number) => Math.round(performance.now() - startedAt) / 1000;

/** opsgenieError answers an error as Opsgenie does: `{ message, took, requestId }`, with the field errors. */
export function opsgenieError(answer: PlainResponse, requestId: string): PlainResponse {
  const { error } = answer.body as { error: { message: string; details?: Array<{ field: string; message: string }> } };
  const errors = error.details?.length ? Object.fromEntries(error.details.map((detail) => [detail.field || 'body', detail.message])) : undefined;
  const message = answer.status === 401 ? 'Could not authenticate' : error.message;
  return { ...answer, body: { message, ...(errors ? { errors } : {}), took: 0, requestId } };
}
