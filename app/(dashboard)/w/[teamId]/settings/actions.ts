'use server';

import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import { setUnroutedChannel } from '@/lib/workspaces/workspace-settings';
import { dashboardContext } from '../dashboard-context';

/** UnroutedChannelState is the form's outcome, shown next to it. */
export interface UnroutedChannelState {
  message: string | null;
  error: string | null;
}

/** saveUnroutedChannel sets the workspace's channel for unrouted alerts (admins only). */
export async function saveUnroutedChannel(teamId: string, _previous: UnroutedChannelState, form: FormData): Promise<UnroutedChannelState> {
  const { scope } = await dashboardContext(teamId);
  const value = form.get('unrouted_channel');
  try {
    await setUnroutedChannel(scope, typeof value === 'string' && value !== '' ? value : null);
  } catch (error) {
    if (error instanceof AppError) return { message: null, error: error.message };
    throw error;
  }
  revalidatePath(`/w/${teamId}`);
  return { message: 'Saved.', error: null };
}
