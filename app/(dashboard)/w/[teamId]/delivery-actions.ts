'use server';

import { revalidatePath } from 'next/cache';
import { retryDeliveries } from '@/lib/alerts/retry-deliveries';
import { dashboardContext } from './dashboard-context';

/**
 * retryDeliveriesAction queues dead deliveries again as the signed-in admin: the workspace's (no alert), an
 * alert's, or one channel's of an alert; the page shows them pending at once.
 */
export async function retryDeliveriesAction(teamId: string, alertId: string | null, channel: string | null): Promise<void> {
  const { scope } = await dashboardContext(teamId);
  await retryDeliveries(scope, { ...(alertId ? { alertId } : {}), ...(channel ? { channel } : {}) });
  revalidatePath(alertId ? `/w/${teamId}/alerts/${alertId}` : `/w/${teamId}`);
}
