/**
 * Fault injection for app tests: drop the response to a call Slack did process, fail a call transiently
 * (HTTP 5xx, `{ ok: false, error }`, HTTP 429) without processing it, answer it only after a delay, or process
 * it and answer too late. Faults apply to the next `count` calls, or to a share of the calls for a while (a
 * window: "429 for 30 s", "500 for 20 % of calls"), so that load runs can break Slack the way it breaks.
 */

/** Failure is an injected transient failure: an HTTP status, a Slack error, or a rate limit (Retry-After seconds). */
export type Failure = { status: number } | { error: string } | { ratelimited: number };

/**
 * Fault is what happens to a matching call: `delay` waits before processing it, `late` processes it at once and
 * waits before answering (the caller may give up first: the message exists, its answer is lost).
 */
export type Fault = { kind: 'drop' } | { kind: 'fail'; failure: Failure } | { kind: 'delay'; ms: number } | { kind: 'late'; ms: number };

/** FaultWindow is a fault that applies to a share of the calls of `method` (`*`: every method) until `until` (ms). */
export interface FaultWindow {
  method: string;
  fault: Fault;
  ratio: number;
  until: number;
}

/** PendingFault is a queued fault with the number of calls it still applies to. */
export interface PendingFault {
  method: string;
  fault: Fault;
  remaining: number;
}

/** FaultInjector queues faults per Web API method; the oldest matching fault applies first. */
export class FaultInjector {
  private queue: PendingFault[] = [];
  private windows: FaultWindow[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** drop makes the next `count` calls of `method` run normally but lose their response (socket destroyed). */
  drop(method: string, count = 1): void {
    this.add(method, { kind: 'drop' }, count);
  }

  /** fail makes the next `count` calls of `method` fail with `failure` without being processed. */
  fail(method: string, failure: Failure, count = 1): void {
    this.add(method, { kind: 'fail', failure: checkFailure(failure) }, count);
  }

  /** delay makes the next `count` calls of `method` wait `ms` before they are processed and answered. */
  delay(method: string, ms: number, count = 1): void {
    this.add(method, { kind: 'delay', ms: checkMs(ms) }, count);
  }

  /** late makes the next `count` calls of `method` run at once but answer only after `ms`. */
  late(method: string, ms: number, count = 1): void {
    this.add(method, { kind: 'late', ms: checkMs(ms) }, count);
  }

  /**
   * during applies `fault` to each call of `method` (`*`: every Web API method) with probability `ratio`, for
   * the next `ms` milliseconds; windows opened later take precedence over earlier ones.
   */
  during(method: string, fault: Fault, options: { ms: number; ratio?: number }): void {
    if (!method) throw new Error('method is required');
    const ratio = options.ratio ?? 1;
    if (!(ratio > 0 && ratio <= 1)) throw new Error('ratio must be in (0, 1]');
    const checked: Fault = fault.kind === 'fail' ? { kind: 'fail', failure: checkFailure(fault.failure) } : fault.kind === 'drop' ? fault : { kind: fault.kind, ms: checkMs(fault.ms) };
    this.windows.unshift({ method, fault: checked, ratio, until: this.now() + checkMs(options.ms, 3_600_000) });
  }

  /** take consumes one use of the oldest fault queued for `method`, else rolls for an open window's fault. */
  take(method: string): Fault | undefined {
    const pending = this.queue.find((p) => p.method === method);
    if (!pending) return this.fromWindow(method);
    pending.remaining -= 1;
    if (pending.remaining <= 0) this.queue = this.queue.filter((p) => p !== pending);
    return pending.fault;
  }

  /** pending lists the faults still queued. */
  pending(): PendingFault[] {
    return this.queue.map((p) => ({ ...p }));
  }

  /** openWindows lists the windows still open. */
  openWindows(): FaultWindow[] {
    const now = this.now();
    return this.windows.filter((w) => w.until > now).map((w) => ({ ...w }));
  }

  /** clear forgets every queued fault and closes every window. */
  clear(): void {
    this.queue = [];
    this.windows = [];
  }

  private fromWindow(method: string): Fault | undefined {
    const now = this.now();
    this.windows = this.windows.filter((w) => w.until > now);
    const open = this.windows.find((w) => w.method === method || w.method === '*');
    return open && this.random() < open.ratio ? open.fault : undefined;
  }

  private add(method: string, fault: Fault, count: number): void {
    if (!method) throw new Error('method is required');
    if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
    this.queue.push({ method, fault, remaining: count });
  }
}

/** checkMs accepts whole milliseconds from 0 to `max`. */
function checkMs(ms: number, max = 60_000): number {
  if (!Number.isInteger(ms) || ms < 0 || ms > max) throw new Error(`ms must be whole milliseconds, at most ${max}`);
  return ms;
}

/** checkFailure accepts exactly one of `status` (400–599), `error` (non-empty) or `ratelimited` (seconds ≥ 0). */
function checkFailure(failure: Failure): Failure {
  const { status, error, ratelimited } = failure as { status?: unknown; error?: unknown; ratelimited?: unknown };
  const given = [status, error, ratelimited].filter((v) => v !== undefined);
  if (given.length !== 1) throw new Error('give exactly one of status, error or ratelimited');
  if (status !== undefined) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) throw new Error('status must be an HTTP error status (400–599)');
    return { status };
  }
  if (error !== undefined) {
    if (typeof error !== 'string' || !error) throw new Error('error must be a non-empty string');
    return { error };
  }
  if (typeof ratelimited !== 'number' || !Number.isInteger(ratelimited) || ratelimited < 0) throw new Error('ratelimited must be whole seconds');
  return { ratelimited };
}

/** failureResponse is the HTTP status, body and headers an injected failure answers with. */
export function failureResponse(failure: Failure): { status: number; body: { ok: false; error: string }; headers: Record<string, string> } {
  if ('ratelimited' in failure) return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': String(failure.ratelimited) } };
  if ('error' in failure) return { status: 200, body: { ok: false, error: failure.error }, headers: {} };
  return { status: failure.status, body: { ok: false, error: failure.status === 503 ? 'service_unavailable' : 'internal_error' }, headers: {} };
}
