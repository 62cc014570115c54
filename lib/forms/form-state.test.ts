import { describe, expect, it } from 'vitest';
import { routeInputSchema } from '@/lib/schemas/route';
import { failureState } from './form-state';

describe('failureState', () => {
  it("names a list item's problem under its field by the item, not its index", () => {
    const parsed = routeInputSchema.safeParse({ name: 'r', event_types: ['deploy.*', 'bad pattern!'], severities: ['critical'], channels: ['C0123ABCD'] });
    const state = failureState(parsed.error, {});
    expect(state.fieldErrors?.event_types).toBe('the 2nd pattern: may contain only letters, digits, * and _ . : - /');
    expect(state.message).toBe('event_types (the 2nd pattern): may contain only letters, digits, * and _ . : - /');
  });
});
