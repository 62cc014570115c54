// Creates a maintenance window's next occurrence (a silence) when the current one ends; a deleted window has none.
import { z } from 'zod';
import { materializeWindow, WINDOW_NEXT_JOB } from '../../silences/maintenance-windows';
import type { JobHandler } from '../jobs';

export const windowNext: JobHandler<{ windowId: string }> = {
  kind: WINDOW_NEXT_JOB,
  payload: z.object({ windowId: z.string() }),
  async run(job, tx) {
    const window = await tx.maintenanceWindow.findUnique({ where: { id: job.payload.windowId } });
    if (!window) return [];
    await materializeWindow(tx, window);
    return ['job'];
  },
};
