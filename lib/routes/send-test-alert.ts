// "Send test alert" on a route: an alert that this route matches, sent through the same intake as the REST
// API on behalf of the admin who clicked: the caller's rate limit, validation and ingest, counted in
// klaxon_alerts_received_total / _rejected_total as an `api` alert.
import { receiveAlert, type ReceivedAlert } from '../alerts/receive-alert';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import type { Route } from '../generated/prisma/client';
import { spendAllowance } from '../http/rate-limit';
import { errorPayload } from '../http/to-response';
import { countIntake } from '../metrics';
import { getRoute } from './routes';

// An alert the route matches: its first pattern (`*` → `test`) and its first severity.
function testAlertBody(route: Route, by: string) {
  return {
    event_type: (route.eventTypes[0] ?? 'test').replace(/\*/g, 'test'),
    severity: route.severities[0] ?? 'info',
    title: `Test alert for route “${route.name}”`,
    description: `Sent from the Klaxon dashboard by ${by} to check this route.`,
    source: 'Klaxon dashboard',
    fields: { route: route.name },
  };
}

/** SentTestAlert is the route tested, the body sent and intake's answer. */
export interface SentTestAlert {
  route: Route;
  body: ReturnType<typeof testAlertBody>;
  received: ReceivedAlert;
}

/** sendTestAlert sends a test alert for one route of the workspace (admins only). */
export async function sendTestAlert(scope: WorkspaceScope, routeId: string): Promise<SentTestAlert> {
  assertAdmin(scope);
  const route = await getRoute(scope, routeId);
  const body = testAlertBody(route, scope.actor.name);
  try {
    await spendAllowance(scope.actor.id);
    const received = await receiveAlert(scope, body);
    countIntake('api', 202);
    return { route, body, received };
  } catch (error) {
    countIntake('api', errorPayload(error).status);
    throw error;
  }
}
