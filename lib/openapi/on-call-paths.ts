// The on-call part of the OpenAPI document: schedules, escalation policies and heartbeats, merged in by
// openapi-document.ts.
// Request schemas are the handlers' own zod schemas; responses mirror scheduleJson and friends.
import { z } from 'zod';
import { escalationPolicyInputSchema, escalationPolicyPatchSchema } from '@/lib/schemas/escalation-policy';
import { heartbeatInputSchema, heartbeatPatchSchema } from '@/lib/schemas/heartbeat';
import { onCallQuerySchema, scheduleInputSchema, schedulePatchSchema } from '@/lib/schemas/schedule';
import type { PathSpec } from './openapi-document';

const dateTime = z.iso.datetime();

const rotationOut = z.object({
  name: z.string().optional(),
  kind: z.enum(['daily', 'weekly', 'hourly']),
  every_hours: z.int().optional(),
  start_date: z.string(),
  handoff_time: z.string(),
  time_zone: z.string(),
  participants: z.array(z.string()),
  restrict: z.object({ days: z.array(z.string()), from: z.string(), to: z.string() }).optional(),
  end_date: z.string().optional(),
});

/** onCallOut mirrors onCallJson (lib/oncall/schedules.ts). */
export const onCallOut = z.object({
  user: z.string().nullable(),
  until: dateTime.nullable(),
  next: z.object({ user: z.string().nullable(), at: dateTime }).nullable(),
});

/** scheduleOut mirrors scheduleJson (lib/oncall/schedules.ts). */
export const scheduleOut = z.object({
  id: z.string(),
  name: z.string(),
  rotations: z.array(rotationOut),
  overrides: z.array(z.object({ user: z.string(), start: dateTime, end: dateTime })),
  on_call: onCallOut,
  user_group_id: z.string().nullable(),
  calendar_url: z.string(),
  created_at: dateTime,
  updated_at: dateTime,
});

/** scheduleOnCallOut is `GET /api/v1/schedules/{id}/on-call`. */
export const scheduleOnCallOut = z.object({
  schedule_id: z.string(),
  at: dateTime,
  ...onCallOut.shape,
  timeline: z.array(z.object({ user: z.string().nullable(), start: dateTime, end: dateTime })),
});

const targetOut = z.object({ type: z.enum(['schedule', 'user', 'user_group', 'channel', 'here']), id: z.string().optional() });

/** escalationPolicyOut mirrors escalationPolicyJson (lib/escalation/policies.ts). */
export const escalationPolicyOut = z.object({
  id: z.string(),
  name: z.string(),
  steps: z.array(z.object({ after_minutes: z.int(), targets: z.array(targetOut) })),
  repeat: z.int(),
  created_at: dateTime,
  updated_at: dateTime,
});

/** heartbeatOut mirrors heartbeatJson (lib/heartbeats/heartbeats.ts); `token` and `ping_url` only when created. */
export const heartbeatOut = z.object({
  id: z.string(),
  name: z.string(),
  interval_seconds: z.int(),
  grace_seconds: z.int(),
  event_type: z.string(),
  severity: z.enum(['critical', 'error', 'warning', 'info']),
  status: z.enum(['new', 'up', 'down']),
  last_ping_at: dateTime.nullable(),
  next_due_at: dateTime.nullable(),
  token_prefix: z.string(),
  token: z.string().optional(),
  ping_url: z.string().optional(),
  created_at: dateTime,
  updated_at: dateTime,
});

/** ON_CALL_SCHEMAS are the component schemas of this part. */
export const ON_CALL_SCHEMAS: Record<string, { schema: z.ZodType; description: string }> = {
  ScheduleInput: {
    schema: scheduleInputSchema,
    description:
      'An on-call schedule: rotations in layers (a later rotation overrides an earlier one wherever it has someone; ' +
      '`restrict` limits a rotation to local days and hours) and overrides (the latest wins). Hand-offs are wall-clock ' +
      'times in the rotation\'s time zone, so they stay put across daylight-saving changes.',
  },
  SchedulePatch: { schema: schedulePatchSchema, description: 'Any of `name`, `rotations`, `overrides` (each replaced whole), `user_group_id` (a Slack user group kept equal to who is on call; null for none).' },
  Schedule: { schema: scheduleOut, description: 'A schedule, with who is on call now (`on_call`).' },
  ScheduleList: { schema: z.object({ schedules: z.array(scheduleOut) }), description: 'Schedules by name.' },
  EscalationPolicyInput: {
    schema: escalationPolicyInputSchema,
    description:
      'Ordered steps: `after_minutes` after the previous step (the first: after the trigger) while the alert is still ' +
      'triggered, notify the targets — the on-call person of a schedule, a user, a user group, a channel or `@here` ' +
      '(a DM to each person, a mention in every thread of the alert). Then the whole policy runs `repeat` more times.',
  },
  EscalationPolicyPatch: { schema: escalationPolicyPatchSchema, description: 'Any of `name`, `steps` (replaced whole), `repeat`.' },
  EscalationPolicy: { schema: escalationPolicyOut, description: 'An escalation policy.' },
  EscalationPolicyList: { schema: z.object({ escalation_policies: z.array(escalationPolicyOut) }), description: 'Escalation policies by name.' },
  HeartbeatInput: {
    schema: heartbeatInputSchema,
    description:
      "A dead-man's switch: ping its URL at least every `interval_seconds`; `grace_seconds` after a missed ping an alert " +
      '(`event_type`, default `heartbeat.missed`, routed like any alert) is raised; the next ping resolves it.',
  },
  HeartbeatPatch: { schema: heartbeatPatchSchema, description: 'Any heartbeat fields, at least one.' },
  Heartbeat: { schema: heartbeatOut, description: 'A heartbeat; `token` and `ping_url` are in the answer that created it only.' },
  HeartbeatList: { schema: z.object({ heartbeats: z.array(heartbeatOut) }), description: 'Heartbeats by name.' },
  ScheduleOnCall: { schema: scheduleOnCallOut, description: 'Who is on call at `at`, until when, who is next, and the timeline of the following days.' },
};

const SCHEDULES = 'Schedules';

const POLICIES = 'Escalation policies';
const HEARTBEATS = 'Heartbeats';

/** ON_CALL_TAGS are the tags of this part. */
export const ON_CALL_TAGS = [
  { name: SCHEDULES, description: 'Who is on call: rotations, overrides, now and next.' },
  { name: POLICIES, description: 'Whom to page, step by step, while an alert stays unacknowledged; a route picks one.' },
  { name: HEARTBEATS, description: "Dead-man's switches: an alert when a job stops pinging." },
];

const idParameter = (what: string) => ({ name: 'id', in: 'path', required: true, description: `The ${what}'s id.`, schema: { type: 'string', minLength: 1 } });

function queryParameters(schema: z.ZodType, descriptions: Record<string, string>) {
  const query = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, Record<string, unknown>> };
  return Object.entries(query.properties).map(([name, property]) => ({ name, in: 'query', required: false, description: descriptions[name], schema: property }));
}

const weekly = {
  name: 'Payments primary',
  rotations: [{ kind: 'weekly', start_date: '2026-03-02', handoff_time: '09:00', time_zone: 'Europe/Berlin', participants: ['U0123ADA', 'U0123BOB'] }],
  overrides: [{ user: 'U0123CY', start: '2026-03-10T12:00:00Z', end: '2026-03-11T12:00:00Z' }],
};

const policyExample = {
  name: 'Payments',
  steps: [
    { after_minutes: 5, targets: [{ type: 'schedule', id: 'cm0schedule0001' }] },
    { after_minutes: 15, targets: [{ type: 'user', id: 'U0123LEAD' }, { type: 'here' }] },
  ],
  repeat: 1,
};

const pingAnswer = {
  status: 200,
  description: 'Pinged: the next ping is due before `next_due_at`.',
  schema: { type: 'object', properties: { ok: { const: true }, next_due_at: { type: 'string', format: 'date-time' } }, required: ['ok', 'next_due_at'] },
};

/** onCallPaths are the on-call operations. */
export function onCallPaths(): Record<string, PathSpec> {
  return {
    '/api/v1/schedules': {
      operations: {
        get: { operationId: 'listSchedules', summary: 'List schedules', tag: SCHEDULES, permission: 'alerts:read', ok: { status: 200, description: 'The schedules by name.', schema: 'ScheduleList' } },
        post: {
          operationId: 'createSchedule',
          summary: 'Create a schedule',
          tag: SCHEDULES,
          permission: 'config:write',
          body: { schema: 'ScheduleInput', examples: { weekly: { summary: 'A weekly rotation of two, one override', value: weekly } } },
          ok: { status: 201, description: 'The new schedule.', schema: 'Schedule' },
          errors: [400, 409, 413],
        },
      },
    },
    '/api/v1/schedules/{id}': {
      parameters: [idParameter('schedule')],
      operations: {
        get: { operationId: 'getSchedule', summary: 'Get a schedule', tag: SCHEDULES, permission: 'alerts:read', ok: { status: 200, description: 'The schedule.', schema: 'Schedule' }, errors: [404] },
        patch: {
          operationId: 'updateSchedule',
          summary: 'Change a schedule',
          tag: SCHEDULES,
          permission: 'config:write',
          body: { schema: 'SchedulePatch', examples: { rename: { summary: 'Rename', value: { name: 'Payments' } } } },
          ok: { status: 200, description: 'The changed schedule.', schema: 'Schedule' },
          errors: [400, 404, 409, 413],
        },
        delete: { operationId: 'deleteSchedule', summary: 'Delete a schedule', description: 'Refused (409) while an escalation policy pages it.', tag: SCHEDULES, permission: 'config:write', ok: { status: 204, description: 'Deleted.' }, errors: [404, 409] },
      },
    },
    '/api/v1/escalation-policies': {
      operations: {
        get: { operationId: 'listEscalationPolicies', summary: 'List escalation policies', tag: POLICIES, permission: 'alerts:read', ok: { status: 200, description: 'The policies by name.', schema: 'EscalationPolicyList' } },
        post: {
          operationId: 'createEscalationPolicy',
          summary: 'Create an escalation policy',
          tag: POLICIES,
          permission: 'config:write',
          body: { schema: 'EscalationPolicyInput', examples: { twoSteps: { summary: 'On-call after 5 minutes, then a lead and @here', value: policyExample } } },
          ok: { status: 201, description: 'The new policy.', schema: 'EscalationPolicy' },
          errors: [400, 409, 413],
        },
      },
    },
    '/api/v1/escalation-policies/{id}': {
      parameters: [idParameter('escalation policy')],
      operations: {
        get: { operationId: 'getEscalationPolicy', summary: 'Get an escalation policy', tag: POLICIES, permission: 'alerts:read', ok: { status: 200, description: 'The policy.', schema: 'EscalationPolicy' }, errors: [404] },
        patch: {
          operationId: 'updateEscalationPolicy',
          summary: 'Change an escalation policy',
          description: 'Alerts already escalating follow the new steps from their next step.',
          tag: POLICIES,
          permission: 'config:write',
          body: { schema: 'EscalationPolicyPatch', examples: { repeat: { summary: 'Repeat twice', value: { repeat: 2 } } } },
          ok: { status: 200, description: 'The changed policy.', schema: 'EscalationPolicy' },
          errors: [400, 404, 409, 413],
        },
        delete: { operationId: 'deleteEscalationPolicy', summary: 'Delete an escalation policy', description: 'Refused (409) while a route uses it.', tag: POLICIES, permission: 'config:write', ok: { status: 204, description: 'Deleted.' }, errors: [404, 409] },
      },
    },
    '/api/v1/heartbeats': {
      operations: {
        get: { operationId: 'listHeartbeats', summary: 'List heartbeats', tag: HEARTBEATS, permission: 'alerts:read', ok: { status: 200, description: 'The heartbeats by name (tokens by prefix only).', schema: 'HeartbeatList' } },
        post: {
          operationId: 'createHeartbeat',
          summary: 'Create a heartbeat',
          tag: HEARTBEATS,
          permission: 'config:write',
          body: { schema: 'HeartbeatInput', examples: { nightly: { summary: 'A nightly backup, 10 minutes of grace', value: { name: 'nightly backup', interval_seconds: 86_400, grace_seconds: 600 } } } },
          ok: { status: 201, description: 'The new heartbeat, with its token and ping URL (shown this once).', schema: 'Heartbeat' },
          errors: [400, 409, 413],
        },
      },
    },
    '/api/v1/heartbeats/{id}': {
      parameters: [idParameter('heartbeat')],
      operations: {
        get: { operationId: 'getHeartbeat', summary: 'Get a heartbeat', tag: HEARTBEATS, permission: 'alerts:read', ok: { status: 200, description: 'The heartbeat.', schema: 'Heartbeat' }, errors: [404] },
        patch: {
          operationId: 'updateHeartbeat',
          summary: 'Change a heartbeat',
          tag: HEARTBEATS,
          permission: 'config:write',
          body: { schema: 'HeartbeatPatch', examples: { grace: { summary: 'More grace', value: { grace_seconds: 900 } } } },
          ok: { status: 200, description: 'The changed heartbeat.', schema: 'Heartbeat' },
          errors: [400, 404, 409, 413],
        },
        delete: { operationId: 'deleteHeartbeat', summary: 'Delete a heartbeat', tag: HEARTBEATS, permission: 'config:write', ok: { status: 204, description: 'Deleted.' }, errors: [404] },
      },
    },
    '/api/v1/heartbeats/{id}/ping': {
      parameters: [{ name: 'id', in: 'path', required: true, description: "The heartbeat's secret token (`hb_…`, from its ping URL).", schema: { type: 'string', minLength: 1 } }],
      operations: {
        get: { operationId: 'pingHeartbeat', summary: 'Ping a heartbeat', description: 'For `curl` in a cron line; the token is the credential.', tag: HEARTBEATS, permission: null, ok: pingAnswer, errors: [404] },
        post: { operationId: 'pingHeartbeatPost', summary: 'Ping a heartbeat (POST)', description: 'The same as GET; any body is ignored.', tag: HEARTBEATS, permission: null, ok: pingAnswer, errors: [404] },
      },
    },
    '/api/v1/schedules/{id}/calendar.ics': {
      parameters: [idParameter('schedule')],
      operations: {
        get: {
          operationId: 'getScheduleCalendar',
          summary: 'Calendar feed of a schedule',
          description: "The next 60 days of shifts as iCalendar (`text/calendar`): subscribe to the schedule's `calendar_url` in a calendar app. The `token` is the credential.",
          tag: SCHEDULES,
          permission: null,
          parameters: [{ name: 'token', in: 'query', required: true, description: 'The secret of `calendar_url`.', schema: { type: 'string', minLength: 1 } }],
          ok: { status: 200, description: 'An iCalendar feed (text/calendar).' },
          errors: [404],
        },
      },
    },
    '/api/v1/schedules/{id}/on-call': {
      parameters: [idParameter('schedule')],
      operations: {
        get: {
          operationId: 'getScheduleOnCall',
          summary: 'Who is on call',
          tag: SCHEDULES,
          permission: 'alerts:read',
          parameters: queryParameters(onCallQuerySchema, { at: 'The instant (ISO 8601 with a time zone); default now.', days: 'Length of the timeline in days.' }),
          ok: { status: 200, description: 'Who is on call, next, and the timeline.', schema: 'ScheduleOnCall' },
          errors: [400, 404],
        },
      },
    },
  };
}
