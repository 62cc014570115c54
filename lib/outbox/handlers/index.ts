// Every kind of timed job, by name. Adding one is a handler file and a line here.
import type { JobHandler } from '../jobs';
import { autoResolve } from './auto-resolve';
import { escalationNotify } from './escalation-notify';
import { escalationStep } from './escalation-step';
import { heartbeatCheck } from './heartbeat-check';
import { reminder } from './reminder';
import { digestRefresh } from './digest-refresh';
import { reportSend } from './report-send';
import { retention } from './retention';
import { silenceEnd } from './silence-end';
import { snoozeExpiry } from './snooze-expiry';
import { userGroupSync } from './user-group-sync';
import { windowNext } from './window-next';

const handlers: JobHandler<never>[] = [retention, snoozeExpiry, escalationStep, escalationNotify, heartbeatCheck, autoResolve, reminder, silenceEnd, digestRefresh, windowNext, reportSend, userGroupSync] as JobHandler<never>[];

/** JOB_HANDLERS maps a job kind to its handler. */
export const JOB_HANDLERS = new Map<string, JobHandler<unknown>>(handlers.map((handler) => [handler.kind, handler as JobHandler<unknown>]));
