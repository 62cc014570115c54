// Fires one escalation step of an alert (lib/escalation/escalation.ts); a stale step does nothing.
import { z } from 'zod';
import { ESCALATION_STEP_JOB, runEscalationStep, type StepPosition } from '../../escalation/escalation';
import type { JobHandler } from '../jobs';

export const escalationStep: JobHandler<StepPosition> = {
  kind: ESCALATION_STEP_JOB,
  payload: z.object({ run: z.int().min(0), round: z.int().min(0), step: z.int().min(0) }),
  run: (job, tx) => (job.alertId ? runEscalationStep(tx, job.alertId, job.payload) : Promise.resolve([])),
};
