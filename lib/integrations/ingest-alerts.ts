// Accepting the alerts of one notification together: every alert is handed to the ingest path in the same
// event-loop turn, so store-alerts.ts writes all the triggers in one statement, and each caller's answer waits
// for all of them to commit.
import { ingestAlert, type IngestResult } from '../alerts/ingest-alert';
import type { WorkspaceScope } from '../auth/workspace-scope';
import { AppError } from '../errors';
import type { AlertInput } from '../schemas/alert';

/** ingestAlerts ingests a notification's alerts at once; a status change whose alert is not open (a re-sent resolve) does nothing. */
export async function ingestAlerts(scope: WorkspaceScope, inputs: AlertInput[]): Promise<Array<IngestResult | null>> {
  return Promise.all(
    inputs.map((input) =>
      ingestAlert(scope, input).catch((error: unknown) => {
        if (input.action !== 'trigger' && error instanceof AppError && error.code === 'not_found') return null;
        throw error;
      }),
    ),
  );
}
