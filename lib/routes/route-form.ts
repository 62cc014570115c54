// The route form speaks in form fields (a free-text pattern list, checkboxes, a select); the routes API
// schemas speak snake_case JSON. This module maps one to the other, so the dashboard validates with the
// very schemas the REST API uses.
import { routeInputSchema, routePatchSchema, type RouteInput, type RoutePatch } from '@/lib/schemas/route';
import type { Route } from '@/lib/generated/prisma/client';
import { splitList, type FormValues } from '../forms/form-state';

/** ROUTE_LIST_FIELDS are the route form's fields that hold several values. */
export const ROUTE_LIST_FIELDS = ['severities', 'channels'] as const;

// An empty minutes field means "never"; anything else is checked by the schema (so "abc" is an error, not never).
function minutes(value: string | string[] | undefined): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  return text === '' ? null : Number(text);
}

// The form picks what to group by and, for a field, names it; the API takes one `group_by` string.
function groupBy(values: FormValues): string | null {
  const kind = typeof values.group_by_kind === 'string' ? values.group_by_kind : '';
  if (kind === '') return null;
  return kind === 'field' ? `field:${typeof values.group_by_field === 'string' ? values.group_by_field.trim() : ''}` : kind;
}

function routeBody(values: FormValues) {
  const templateId = typeof values.template_id === 'string' ? values.template_id : '';
  const policyId = typeof values.escalation_policy_id === 'string' ? values.escalation_policy_id : '';
  return {
    name: values.name ?? '',
    event_types: splitList(values.event_types),
    severities: values.severities ?? [],
    channels: values.channels ?? [],
    template_id: templateId === '' ? null : templateId,
    escalation_policy_id: policyId === '' ? null : policyId,
    auto_resolve_minutes: minutes(values.auto_resolve_minutes),
    reminder_minutes: minutes(values.reminder_minutes),
    reminder_retrigger: values.reminder_retrigger === 'on',
    enabled: values.enabled === 'on' || values.enabled === 'true',
    // A blank or non-numeric limit is left for the schema to name (NaN is not an int).
    storm_limit: values.storm_limit === undefined || values.storm_limit === '' ? 10 : Number(values.storm_limit),
    thread_replies: typeof values.thread_replies === 'string' && values.thread_replies ? values.thread_replies : 'all',
    group_by: groupBy(values),
  };
}

/** parseNewRoute validates the form of a new route with routeInputSchema (throws its ZodError). */
export function parseNewRoute(values: FormValues): RouteInput {
  return routeInputSchema.parse(routeBody(values));
}

/** parseRouteEdit validates the edit form of a route with routePatchSchema (every field is sent). */
export function parseRouteEdit(values: FormValues): RoutePatch {
  return routePatchSchema.parse(routeBody(values));
}

/** routeFormValues fills the form from a saved route. */
export function routeFormValues(route: Route): FormValues {
  return {
    name: route.name,
    event_types: route.eventTypes.join(', '),
    severities: [...route.severities],
    channels: [...route.channelIds],
    template_id: route.templateId ?? '',
    escalation_policy_id: route.escalationPolicyId ?? '',
    auto_resolve_minutes: route.autoResolveMinutes === null ? '' : String(route.autoResolveMinutes),
    reminder_minutes: route.reminderMinutes === null ? '' : String(route.reminderMinutes),
    reminder_retrigger: route.reminderRetrigger ? 'on' : '',
    enabled: route.enabled ? 'on' : '',
    storm_limit: String(route.stormLimit),
    thread_replies: route.threadReplies,
    group_by_kind: route.groupBy?.startsWith('field:') ? 'field' : (route.groupBy ?? ''),
    group_by_field: route.groupBy?.startsWith('field:') ? route.groupBy.slice('field:'.length) : '',
  };
}
