// An integration's last event, as the dashboard shows it: what its sender last posted got as an answer, refusals
// included (a wrong mapping or signature is what a user most needs to see).
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { errorPayload } from '../http/to-response';
import { recordIntegrationEvent, type IntegrationConfig } from './intake-settings';

function describeFailure(error: unknown): { status: number; result: string } {
  // Anything else is a bug: the pipeline logs it once; here it is only named.
  if (!(error instanceof AppError || error instanceof ZodError)) return { status: 500, result: 'Something went wrong on our side.' };
  const payload = errorPayload(error);
  return { status: payload.status, result: (payload.body as { error: { message: string } }).error.message };
}

/** accepted says how many alerts a request stored. */
export const accepted = (count: number) => `${count} alert${count === 1 ? '' : 's'} accepted`;

/** forIntegration runs intake work for `config` (null: a plain API key, nothing to note) and notes its answer. */
export async function forIntegration<T>(config: IntegrationConfig | null, status: number, work: () => Promise<T>, summary: (value: T) => string): Promise<T> {
  try {
    const value = await work();
    if (config) recordIntegrationEvent(config.id, status, summary(value));
    return value;
  } catch (error) {
    if (config) {
      const failure = describeFailure(error);
      recordIntegrationEvent(config.id, failure.status, failure.result);
    }
    throw error;
  }
}
