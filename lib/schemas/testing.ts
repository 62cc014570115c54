// Test support for the schema tests: parse something that must fail and read the API's error summary.
import { type z } from 'zod';
import { formatZodError } from './format-zod-error';

/** parseFailure parses `input` with `schema`, expects failure, and returns the API's `{ message, details }`. */
export function parseFailure(schema: z.ZodType, input: unknown): ReturnType<typeof formatZodError> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return formatZodError(result.error);
}
