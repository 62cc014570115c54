// Alert intake as the REST API defines it (POST /api/v1/alerts), independent of the HTTP server that
// carries it: the per-key rate limit, validation, and ingest, answered 202 with the alert's id.
import type { WorkspaceScope } from '../auth/workspace-scope';
import { takeToken } from '../http/rate-limit';
import { alertInputSchema } from '../schemas/alert';
import { ingestAlert } from './ingest-alert';

/** ReceivedAlert is the body of the 202 answer. */
export interface ReceivedAlert {
  id: string;
  status: string;
  dedup_key: string;
}

/** receiveAlert accepts one alert body for the scoped workspace (throws AppError / ZodError on refusal). */
export async function receiveAlert(scope: WorkspaceScope, body: unknown): Promise<ReceivedAlert> {
  takeToken(scope.actor.id);
  const result = await ingestAlert(scope, alertInputSchema.parse(body));
  return { id: result.id, status: result.status, dedup_key: result.dedupKey };
}
