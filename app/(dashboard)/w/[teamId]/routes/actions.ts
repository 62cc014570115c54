'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { listChannels } from '@/lib/channels/channel-cache';
import { channelOption, type ChannelOption } from '@/lib/channels/channel-options';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { parseNewRoute, parseRouteEdit, ROUTE_LIST_FIELDS } from '@/lib/routes/route-form';
import { createRoute, deleteRoute, getRoute, updateRoute, moveRoute } from '@/lib/routes/routes';
import { sendTestAlert } from '@/lib/routes/send-test-alert';
import { dashboardContext } from '../dashboard-context';

/** createRouteAction adds a route from the form (admins only). */
export async function createRouteAction(teamId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData, ROUTE_LIST_FIELDS);
  try {
    const route = await createRoute(scope, parseNewRoute(values));
    revalidatePath(`/w/${teamId}/routes`);
    return { status: 'ok', message: `Created the route “${route.name}”.` };
  } catch (error) {
    return failureState(error, values);
  }
}

/** updateRouteAction saves the edit form of a route (admins only), then returns to the list. */
export async function updateRouteAction(teamId: string, routeId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData, ROUTE_LIST_FIELDS);
  try {
    await updateRoute(scope, routeId, parseRouteEdit(values));
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath(`/w/${teamId}/routes`);
  redirect(`/w/${teamId}/routes`);
}

/** routeRowAction enables/disables, deletes or sends a test alert through one route (admins only, checked by lib). */
export async function routeRowAction(teamId: string, routeId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    switch (formData.get('intent')) {
      case 'toggle': {
        const route = await getRoute(scope, routeId);
        await updateRoute(scope, routeId, { enabled: !route.enabled });
        revalidatePath(`/w/${teamId}/routes`);
        return { status: 'ok', message: route.enabled ? 'Disabled.' : 'Enabled.' };
      }
      case 'delete': {
        const route = await getRoute(scope, routeId);
        await deleteRoute(scope, routeId);
        revalidatePath(`/w/${teamId}/routes`);
        return { status: 'ok', message: `Deleted “${route.name}”.` };
      }
      case 'up':
      case 'down': {
        const route = await getRoute(scope, routeId);
        const up = formData.get('intent') === 'up';
        await moveRoute(scope, routeId, up ? -1 : 1);
        revalidatePath(`/w/${teamId}/routes`);
        return { status: 'ok', message: `Moved “${route.name}” ${up ? 'up' : 'down'}.` };
      }
      case 'test': {
        const { route, body, received } = await sendTestAlert(scope, routeId);
        return {
          status: 'ok',
          message: `Sent a test ${body.severity} alert “${body.event_type}”${route.enabled ? '' : ' (the route is disabled, so it will not receive it)'}.`,
          values: { alert_id: received.id },
        };
      }
      default:
        return { status: 'error', message: 'Unknown action.' };
    }
  } catch (error) {
    return failureState(error, {});
  }
}

/** refreshChannelsAction re-reads the workspace's channels from Slack and returns them for the picker. */
export async function refreshChannelsAction(teamId: string): Promise<ChannelOption[]> {
  const { scope } = await dashboardContext(teamId);
  return (await listChannels(scope, { refresh: true })).map(channelOption);
}
