// Ends a silence when its time comes: the alerts it held that are still open are posted (in batches, each
// run scheduling the next). A sweep runs once more a little later for alerts that matched the silence in
// its last moments on another instance (whose cached silences are at most 10 s stale) and committed after
// the first run.
import { z } from 'zod';
import { releaseSilencedAlerts } from '../../silences/release-silenced';
import { scheduleJob, type JobHandler } from '../jobs';
import type { WorkKind } from '../signal';

const SWEEP_AFTER_MS = 15_000;

export const silenceEnd: JobHandler<{ silenceId: string; until: string; batch: number; sweep: boolean }> = {
  kind: 'silence-end',
  payload: z.object({ silenceId: z.string(), until: z.iso.datetime(), batch: z.number().int().min(0).default(0), sweep: z.boolean().default(false) }),
  async run(job, tx) {
    const { silenceId, until, batch, sweep } = job.payload;
    const released = await releaseSilencedAlerts(tx, silenceId, new Date(until));
    if (!released) return [];
    const base = `silence-end:${silenceId}:${until}${sweep ? ':sweep' : ''}`;
    const next = (key: string, runAt: Date, payload: typeof job.payload) => scheduleJob(tx, { kind: 'silence-end', key, runAt, workspaceId: job.workspaceId, payload });
    if (released.more) await next(`${base}:b${batch + 1}`, new Date(), { silenceId, until, batch: batch + 1, sweep });
    else if (!sweep) await next(`silence-end:${silenceId}:${until}:sweep`, new Date(Date.now() + SWEEP_AFTER_MS), { silenceId, until, batch: 0, sweep: true });
    const kinds: WorkKind[] = [];
    if (released.posted > 0) kinds.push('post');
    if (released.more) kinds.push('job');
    return kinds;
  },
};
