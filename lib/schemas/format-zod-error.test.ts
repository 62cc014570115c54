import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatZodError, ordinal, pathInWords } from './format-zod-error';

function errorOf(schema: z.ZodType, input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return result.error;
}

describe('formatZodError', () => {
  it('joins nested paths with dots and names the first field in the message', () => {
    const schema = z.object({ links: z.array(z.object({ url: z.string({ error: 'must be a URL' }) })) });
    expect(formatZodError(errorOf(schema, { links: [{ url: 'ok' }, {}] }))).toEqual({
      message: 'links (the 2nd link) url: must be a URL',
      details: [{ field: 'links.1.url', message: 'must be a URL' }],
    });
  });

  it('gives each unknown key its own detail, under its parent path', () => {
    const schema = z.object({ inner: z.strictObject({ a: z.string() }) });
    expect(formatZodError(errorOf(schema, { inner: { a: 'x', b: 1, c: 2 } })).details).toEqual([
      { field: 'inner.b', message: 'is not a known field' },
      { field: 'inner.c', message: 'is not a known field' },
    ]);
  });

  it("uses a record key's own message instead of zod's generic one", () => {
    const schema = z.record(z.string().max(2, 'key too long'), z.number());
    expect(formatZodError(errorOf(schema, { abc: 1 })).details).toEqual([{ field: 'abc', message: 'key too long' }]);
  });

  it('counts further problems and leaves root problems unprefixed', () => {
    const schema = z.object({ a: z.string({ error: 'bad a' }), b: z.string({ error: 'bad b' }), c: z.string({ error: 'bad c' }) });
    expect(formatZodError(errorOf(schema, {})).message).toBe('a: bad a (and 2 more problems)');
    expect(formatZodError(errorOf(z.string({ error: 'must be text' }), 1)).message).toBe('must be text');
  });

  it('counts list items from 1 in words, by what each list holds', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th']);
    expect(pathInWords('steps.0.targets.1.id')).toEqual(['steps', 'the 1st step', 'targets', 'the 2nd target', 'id']);
    expect(pathInWords('blocks.2.text.text')).toEqual(['blocks', 'the 3rd block', 'text.text']);
    expect(pathInWords('inner.b')).toEqual(['inner.b']);
    const schema = z.object({ event_types: z.array(z.string().min(1, 'must not be empty')) });
    expect(formatZodError(errorOf(schema, { event_types: ['a', ''] })).message).toBe('event_types (the 2nd pattern): must not be empty');
    expect(formatZodError(errorOf(z.object({ things: z.array(z.string({ error: 'must be text' })) }), { things: [1] })).message).toBe('things (the 1st item): must be text');
  });
});
