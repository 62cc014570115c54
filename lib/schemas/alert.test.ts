import { describe, expect, it } from 'vitest';
import { Severity } from '@/lib/generated/prisma/enums';
import { alertInputSchema, alertListQuerySchema } from './alert';
import { SEVERITIES } from './primitives';
import { readSearchParams } from './read-search-params';
import { parseFailure } from './testing';

const trigger = { event_type: 'deploy.failed', severity: 'critical', title: 'Deploy failed' };

describe('alertInputSchema', () => {
  it('parses a full trigger into camelCase with the defaults filled in', () => {
    const parsed = alertInputSchema.parse({
      ...trigger,
      title: '  Deploy failed  ',
      description: 'x',
      source: 'ci',
      dedup_key: 'deploy-42',
      fields: { region: 'eu', pods: 3, canary: false },
      links: [{ text: 'Log', url: 'https://ci.example.com/1' }],
      occurred_at: '2024-05-01T14:02:00+02:00',
    });
    expect(parsed).toEqual({
      action: 'trigger',
      eventType: 'deploy.failed',
      severity: 'critical',
      title: 'Deploy failed',
      description: 'x',
      source: 'ci',
      dedupKey: 'deploy-42',
      fields: { region: 'eu', pods: 3, canary: false },
      links: [{ text: 'Log', url: 'https://ci.example.com/1' }],
      occurredAt: new Date('2024-05-01T12:02:00Z'),
    });
  });

  it('defaults fields and links for a minimal trigger', () => {
    expect(alertInputSchema.parse(trigger)).toMatchObject({ action: 'trigger', fields: {}, links: [] });
  });

  it.each(['event_type', 'severity', 'title'] as const)('names a missing %s of a trigger', (field) => {
    const body: Record<string, unknown> = { ...trigger };
    delete body[field];
    expect(parseFailure(alertInputSchema, body).message).toBe(`${field}: is required`);
  });

  it('needs only dedup_key to acknowledge or resolve', () => {
    expect(alertInputSchema.parse({ action: 'resolve', dedup_key: 'k' })).toEqual({
      action: 'resolve',
      dedupKey: 'k',
      fields: {},
      links: [],
    });
    expect(parseFailure(alertInputSchema, { action: 'acknowledge', title: 'x' }).message).toBe('dedup_key: is required');
  });

  it('rejects an unknown action by listing the valid ones', () => {
    expect(parseFailure(alertInputSchema, { ...trigger, action: 'explode' }).message).toBe(
      'action: must be one of trigger, acknowledge, resolve',
    );
  });

  it('rejects unknown top-level keys, naming each', () => {
    const failure = parseFailure(alertInputSchema, { ...trigger, sevrity: 'x', extra: 1 });
    expect(failure.details).toEqual([
      { field: 'sevrity', message: 'is not a known field' },
      { field: 'extra', message: 'is not a known field' },
    ]);
    expect(failure.message).toBe('sevrity: is not a known field (and 1 more problem)');
  });

  it.each([
    [{ title: 'x'.repeat(251) }, 'title: must be at most 250 characters'],
    [{ title: '   ' }, 'title: must not be empty'],
    [{ severity: 'fatal' }, 'severity: must be one of critical, error, warning, info'],
    [{ event_type: 'deploy failed' }, 'event_type: may contain only letters, digits and _ . : - /'],
    [{ event_type: 'a'.repeat(101) }, 'event_type: must be at most 100 characters'],
    [{ description: 'x'.repeat(10_001) }, 'description: must be at most 10000 characters'],
    [{ source: 7 }, 'source: must be a string'],
    [{ dedup_key: '' }, 'dedup_key: must not be empty'],
    [{ links: [{ text: 'x', url: 'javascript:alert(1)' }] }, 'links (the 1st link) url: must be an http or https URL'],
    [{ links: [{ text: 'x', url: 'ftp://example.com/f' }] }, 'links (the 1st link) url: must be an http or https URL'],
    [{ links: [{ text: 'x', url: `https://e.com/${'a'.repeat(3000)}` }] }, 'links (the 1st link) url: must be at most 3000 characters'],
    [{ links: Array.from({ length: 11 }, () => ({ text: 'x', url: 'https://e.com' })) }, 'links: must have at most 10 links'],
    [{ fields: { nested: { a: 1 } } }, 'fields.nested: must be a string, a number or a boolean'],
    [{ fields: { long: 'x'.repeat(2001) } }, 'fields.long: must be at most 2000 characters'],
    [{ fields: { ['k'.repeat(101)]: 1 } }, `fields.${'k'.repeat(101)}: field names must be at most 100 characters`],
    [{ fields: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i])) }, 'fields: must have at most 50 fields'],
    [{ occurred_at: '2024-05-01T14:02:00' }, 'occurred_at: must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T14:02:00Z'],
    [{ occurred_at: '9999-12-31T23:59:59Z' }, "occurred_at: must not be more than 24 hours in the future; check the sender's clock and time zone"],
    [{ occurred_at: new Date(Date.now() + 25 * 3_600_000).toISOString() }, "occurred_at: must not be more than 24 hours in the future; check the sender's clock and time zone"],
  ])('names the field and the limit (%#)', (patch, message) => {
    expect(parseFailure(alertInputSchema, { ...trigger, ...patch }).message).toBe(message);
  });

  it('accepts occurred_at up to a day ahead (clock skew, a time zone slip) and any time in the past', () => {
    for (const occurredAt of [new Date(Date.now() + 23 * 3_600_000).toISOString(), '1999-01-01T00:00:00Z']) {
      expect(alertInputSchema.safeParse({ ...trigger, occurred_at: occurredAt }).success, occurredAt).toBe(true);
    }
  });

  it('rejects a body that is not an object', () => {
    expect(parseFailure(alertInputSchema, [trigger]).message).toBe('must be a JSON object');
  });

  it('accepts exactly the limits', () => {
    const body = {
      ...trigger,
      title: 'x'.repeat(250),
      fields: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, 'v'.repeat(2000)])),
      links: Array.from({ length: 10 }, () => ({ text: 't'.repeat(200), url: 'http://e.com' })),
      dedup_key: 'k'.repeat(255),
    };
    expect(alertInputSchema.safeParse(body).success).toBe(true);
  });
});

describe('alertListQuerySchema', () => {
  const parse = (query: string) => alertListQuerySchema.parse(readSearchParams(new URLSearchParams(query)));

  it('applies the default limit and leaves filters unset', () => {
    expect(parse('')).toEqual({ limit: 50 });
  });

  it('merges repeated and comma-separated values, without repeats', () => {
    expect(parse('status=triggered,acknowledged&status=triggered&severity=critical&event_type=deploy.failed')).toMatchObject({
      status: ['triggered', 'acknowledged'],
      severity: ['critical'],
      eventType: ['deploy.failed'],
    });
  });

  it('parses dates, limit, cursor and q', () => {
    expect(parse('since=2024-05-01T00:00:00Z&until=2024-05-02T00:00:00Z&limit=200&cursor=abc&q=%20disk%20')).toEqual({
      since: new Date('2024-05-01T00:00:00Z'),
      until: new Date('2024-05-02T00:00:00Z'),
      limit: 200,
      cursor: 'abc',
      q: 'disk',
    });
  });

  it.each([
    ['status=open', 'status (the 1st status): must be one of triggered, acknowledged, resolved'],
    ['limit=0', 'limit: must be at least 1'],
    ['limit=201', 'limit: must be at most 200'],
    ['limit=ten', 'limit: must be a whole number from 1 to 200'],
    ['since=yesterday', 'since: must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T14:02:00Z'],
    ['since=2024-05-02T00:00:00Z&until=2024-05-01T00:00:00Z', 'until: must not be before since'],
    [`q=${'x'.repeat(201)}`, 'q: must be at most 200 characters'],
    ['page=2', 'page: is not a known field'],
  ])('rejects %s', (query, message) => {
    expect(parseFailure(alertListQuerySchema, readSearchParams(new URLSearchParams(query))).message).toBe(message);
  });
});

describe('SEVERITIES', () => {
  it('lists exactly the severities of the database enum', () => {
    expect([...SEVERITIES].sort()).toEqual(Object.values(Severity).sort());
  });
});

describe('AlertInput', () => {
  it('narrows by action: a trigger has its required fields, a status change its dedup key', () => {
    const input = alertInputSchema.parse(trigger);
    if (input.action === 'trigger') {
      // Compile-time check: these are not optional on a trigger.
      const required: { eventType: string; severity: string; title: string } = input;
      expect(required.eventType).toBe('deploy.failed');
    } else {
      const key: string = input.dedupKey;
      expect(key).toBeUndefined();
    }
  });
});
