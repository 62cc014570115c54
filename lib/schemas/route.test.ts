import { describe, expect, it } from 'vitest';
import { routeInputSchema, routePatchSchema } from './route';
import { parseFailure } from './testing';

const route = { name: 'Deploys', event_types: ['deploy.*'], severities: ['critical'], channels: ['C0123ABCD'] };

describe('routeInputSchema', () => {
  it('outputs camelCase, enabled by default, reminders without re-triggering by default', () => {
    expect(routeInputSchema.parse({ ...route, template_id: null })).toEqual({
      name: 'Deploys',
      eventTypes: ['deploy.*'],
      severities: ['critical'],
      channels: ['C0123ABCD'],
      templateId: null,
      reminderRetrigger: false,
      enabled: true,
      stormLimit: 10,
      threadReplies: 'all',
      groupBy: null,
    });
    expect(routeInputSchema.parse({ ...route, auto_resolve_minutes: 30, reminder_minutes: 120 })).toMatchObject({ autoResolveMinutes: 30, reminderMinutes: 120 });
    expect(routeInputSchema.safeParse({ ...route, auto_resolve_minutes: 0 }).error?.issues[0]?.message).toBe('must be at least 1');
    expect(routeInputSchema.parse({ ...route, enabled: false }).enabled).toBe(false);
  });

  it.each([
    [{ name: '' }, 'name: must not be empty'],
    [{ event_types: [] }, 'event_types: must have at least one event type pattern'],
    [{ event_types: Array.from({ length: 21 }, (_, i) => `e${i}`) }, 'event_types: must have at most 20 event type patterns'],
    [{ event_types: ['deploy.(.*)'] }, 'event_types (the 1st pattern): may contain only letters, digits, * and _ . : - /'],
    [{ event_types: ['***'] }, 'event_types (the 1st pattern): may not have * twice in a row: one * already matches any run of characters'],
    [{ event_types: ['deploy.**'] }, 'event_types (the 1st pattern): may not have * twice in a row: one * already matches any run of characters'],
    [{ severities: ['critical', 'critical'] }, 'severities (the 2nd severity): lists "critical" twice'],
    [{ severities: ['urgent'] }, 'severities (the 1st severity): must be one of critical, error, warning, info'],
    [{ channels: ['#general'] }, 'channels (the 1st channel): must be a Slack channel id such as C0123ABCD'],
    [{ channels: ['D0123ABCD'] }, 'channels (the 1st channel): must be a Slack channel id such as C0123ABCD'],
    [{ channels: ['C0123ABCD', 'G0123ABCD', 'C0123ABCD'] }, 'channels (the 3rd channel): lists "C0123ABCD" twice'],
    [{ enabled: 'yes' }, 'enabled: must be true or false'],
    [{ position: 3 }, 'position: is not a known field'],
    [{ group_by: 'severity' }, 'group_by: must be event_type, group_key or field:<name>'],
    [{ group_by: 'field:' }, 'group_by: must be event_type, group_key or field:<name>'],
  ])('rejects with a readable message (%#)', (patch, message) => {
    expect(parseFailure(routeInputSchema, { ...route, ...patch }).message).toBe(message);
  });

  it('takes a grouping key: the event type, the sender\'s group key or a field', () => {
    for (const groupBy of ['event_type', 'group_key', 'field:region']) expect(routeInputSchema.parse({ ...route, group_by: groupBy }).groupBy).toBe(groupBy);
  });

  it('gives an empty pattern one error, not two', () => {
    const result = routeInputSchema.safeParse({ ...route, event_types: [''] });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['event_types.0', 'must not be empty']]);
  });

  it('requires the route fields', () => {
    expect(parseFailure(routeInputSchema, {}).details.map((detail) => detail.field)).toEqual([
      'name',
      'event_types',
      'severities',
      'channels',
    ]);
  });
});

describe('routePatchSchema', () => {
  it('keeps only the keys that were sent, with no defaults', () => {
    expect(routePatchSchema.parse({ name: 'Renamed' })).toEqual({ name: 'Renamed' });
    expect(routePatchSchema.parse({ template_id: null, enabled: false })).toEqual({ templateId: null, enabled: false });
  });

  it('needs at least one field and still validates each', () => {
    expect(parseFailure(routePatchSchema, {}).message).toBe('must change at least one field');
    expect(parseFailure(routePatchSchema, { channels: [] }).message).toBe('channels: must have at least one channel');
  });
});
