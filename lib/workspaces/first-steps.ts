// The first steps a new workspace takes, as the empty overview lists them: create an API key, send a first
// alert, add a route, acknowledge an alert in Slack. Each is ticked from what the workspace has done, so the
// list is right however the step was taken (dashboard, API, Slack).
import type { WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';

/** FirstSteps says which first steps the workspace has taken. */
export interface FirstSteps {
  apiKey: boolean;
  alert: boolean;
  route: boolean;
  acknowledgedInSlack: boolean;
}

/** firstSteps reads which first steps the scoped workspace has taken (four indexed existence checks). */
export async function firstSteps(scope: WorkspaceScope): Promise<FirstSteps> {
  const workspaceId = scope.workspaceId;
  const [apiKey, alert, route, acknowledged] = await Promise.all([
    db().apiKey.findFirst({ where: { workspaceId }, select: { id: true } }),
    db().alert.findFirst({ where: { workspaceId }, select: { id: true } }),
    db().route.findFirst({ where: { workspaceId }, select: { id: true } }),
    db().alertActivity.findFirst({ where: { workspaceId, kind: 'acknowledged', via: 'slack' }, select: { id: true } }),
  ]);
  return { apiKey: apiKey !== null, alert: alert !== null, route: route !== null, acknowledgedInSlack: acknowledged !== null };
}

/** isDone tells whether every first step is taken: the checklist then goes away. */
export function isDone(steps: FirstSteps): boolean {
  return steps.apiKey && steps.alert && steps.route && steps.acknowledgedInSlack;
}
