// Alert intake as the REST API defines it (POST /api/v1/alerts), independent of the HTTP server that carries
// it: validation and ingest, answered 202 with the alert's id. The per-key rate limit is the request
// pipeline's (lib/http/pipeline.ts), spent before the body is read.
import type { WorkspaceScope } from '../auth/workspace-scope';
import { alertInputSchema } from '../schemas/alert';
import { ingestAlert } from './ingest-alert';

/** ReceivedAlert is the body of the 202 answer. */
export interface ReceivedAlert {
  id: string;
  status: string;
  dedup_key: string;
  /** A trigger whose dedup_key matched an open alert: counted on it, not posted again. */
  deduplicated: boolean;
  occurrences: number;
}

/** receiveAlert accepts one alert body for the scoped workspace (throws AppError / ZodError on refusal). */
export async function receiveAlert(scope: WorkspaceScope, body: unknown): Promise<ReceivedAlert> {
  const input = alertInputSchema.parse(body);
  const result = await ingestAlert(scope, input);
  return { id: result.id, status: result.status, dedup_key: result.dedupKey, deduplicated: input.action === 'trigger' && !result.created, occurrences: result.occurrences };
}
