// The outbox worker: sleeps until work is signalled (directly in this process, by NOTIFY from others), a
// channel's next posting slot comes, or a short poll (for retries and timed jobs that came due); then claims
// due work of each kind in OUTBOX_KINDS and runs it concurrently, topping up as items finish. It runs inside
// `npm start` and, for scale, as separate `npm run worker` processes sharing one PostgreSQL.
import { POST_TIMING, type PostTiming } from '../delivery/deliver';
import { db } from '../db';
import { log } from '../log';
import { scheduleRetention } from './handlers/retention';
import { OUTBOX_KINDS, type OutboxKind, type WorkContext } from './kinds';
import { listenForWork } from './listen';
import { onWorkSignal, type PostChannel, type PostTaker, type WorkKind, type WorkListener } from './signal';

/** Worker is a running worker loop. */
export interface Worker {
  stop(): Promise<void>;
}

/** WorkerOptions tune a worker; the defaults suit production. */
export interface WorkerOptions {
  /** Items of one kind in flight at once. */
  batchSize?: number;
  /** The lease of every kind's claims but posts', which have their own (`post`). */
  leaseMs?: number;
  pollMs?: number;
  /** A post's lease and how long a post call's late carry-out may take (lib/delivery/deliver.ts). */
  post?: Partial<PostTiming>;
}

// Wake a few ms after a channel's slot, so the claim finds it due.
const SLOT_WAKE_MARGIN_MS = 3;

/**
 * startWorker starts the loop; stop() waits for in-flight work to finish. Up to `batchSize` items of each
 * kind are in flight at once, and the loop tops them up as they finish, so one slow or hanging Slack call
 * holds only its own place, never the work behind it.
 */
export function startWorker(options: WorkerOptions = {}): Worker {
  const batchSize = options.batchSize ?? 32;
  const context: WorkContext = { leaseMs: options.leaseMs ?? 120_000, post: { ...POST_TIMING, ...options.post } };
  const pollMs = options.pollMs ?? 500;
  const kinds = new Map<WorkKind, OutboxKind>(OUTBOX_KINDS.map((kind) => [kind.name, kind]));
  const inFlight = new Map<WorkKind, Set<Promise<void>>>(OUTBOX_KINDS.map((kind) => [kind.name, new Set()]));
  let running = true;
  // Kinds to claim on the next turn. A signal that arrives while the worker is busy must not be lost.
  const due = new Set<WorkKind>(kinds.keys());
  // The kinds whose last claim filled all their room: more may be due as soon as there is room again.
  const mayHaveMore = new Set<WorkKind>();
  // Slots of channels this worker posted to: it is back for the next post then, rather than at the next poll.
  let slots: number[] = [];
  let sleepingUntil = Infinity;
  let wake: (() => void) | null = null;

  const want = (wanted: Iterable<WorkKind>) => {
    for (const kind of wanted) due.add(kind);
    wake?.();
  };
  // Places taken by claims under way outside the loop (claimChannelsNow), so that they never overfill it.
  const reserved = new Map<WorkKind, number>(OUTBOX_KINDS.map((kind) => [kind.name, 0]));
  const claimsBesideLoop = new Set<Promise<void>>();
  const roomOf = (kind: OutboxKind) => batchSize - inFlight.get(kind.name)!.size - reserved.get(kind.name)!;
  const noteSlot = (slot: Date) => {
    slots.push(slot.getTime());
    // Noted while the loop sleeps past it: wake it to sleep again until the slot instead.
    if (slot.getTime() + SLOT_WAKE_MARGIN_MS < sleepingUntil) wake?.();
  };

  const track = (kind: OutboxKind, item: unknown) => {
    const flights = inFlight.get(kind.name)!;
    const work = kind.run(item, context).catch((error: unknown) => log().error({ err: error, kind: kind.name }, 'Outbox work failed unexpectedly'));
    flights.add(work);
    void work.finally(() => {
      flights.delete(work);
      const again = kind.dueAgain?.(item);
      if (again) noteSlot(again);
      // Topping up one place at a time would cost a claim per item: wait until half the room is free.
      if (mayHaveMore.has(kind.name) && flights.size <= batchSize / 2) want([kind.name]);
    });
  };

  const claim = async (kind: OutboxKind) => {
    const room = roomOf(kind);
    if (room <= 0) return;
    const items = await kind.claim(room, context);
    for (const item of items) track(kind, item);
    if (items.length === room) mayHaveMore.add(kind.name);
    else mayHaveMore.delete(kind.name);
  };

  // Retries and timed jobs come due without a signal: every kind is claimed at least once per poll interval,
  // however busy the signalled kinds keep the loop.
  let lastFullClaim = 0;
  const claimDue = async () => {
    const now = Date.now();
    if (now - lastFullClaim >= pollMs) {
      for (const kind of kinds.keys()) due.add(kind);
      lastFullClaim = now;
    }
    if (slots.some((slot) => slot + SLOT_WAKE_MARGIN_MS <= now)) due.add('post');
    slots = slots.filter((slot) => slot + SLOT_WAKE_MARGIN_MS > now);
    const turn = [...due];
    due.clear();
    await Promise.all(
      turn.map((name) =>
        claim(kinds.get(name)!).catch((error: unknown) => {
          log().error({ err: error, kind: name }, 'Worker could not claim work');
        }),
      ),
    );
  };

  // New posts on named channels are claimed at once, beside the loop (which may be mid-claim or asleep), and
  // only on those channels: the alert's post leaves within a round trip of its commit. True when every
  // channel's head is being claimed here.
  const claimChannelsNow = (kind: OutboxKind, channels: readonly PostChannel[]): boolean => {
    const room = Math.min(roomOf(kind), channels.length);
    if (!running || room <= 0 || !kind.claimChannels) {
      want([kind.name]);
      return false;
    }
    // No room for every channel: the loop claims the rest as places free up.
    if (room < channels.length) want([kind.name]);
    reserved.set(kind.name, reserved.get(kind.name)! + room);
    const claiming = kind
      .claimChannels(channels, room, context)
      .then(
        (items) => {
          for (const item of items) track(kind, item);
        },
        (error: unknown) => {
          log().error({ err: error, kind: kind.name }, 'Worker could not claim new posts (the loop will)');
          want([kind.name]);
        },
      )
      .finally(() => {
        reserved.set(kind.name, reserved.get(kind.name)! - room);
        claimsBesideLoop.delete(claiming);
      });
    claimsBesideLoop.add(claiming);
    return room === channels.length;
  };
  const onSignal: WorkListener = (signalled, postChannels) => {
    const post = postChannels && signalled.has('post') ? kinds.get('post') : undefined;
    const others = [...signalled].filter((name) => !post || name !== 'post');
    if (others.length > 0) want(others);
    return post ? claimChannelsNow(post, postChannels!) : false;
  };

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (due.size > 0 || !running) return resolve();
      const nextSlot = slots.reduce((earliest, slot) => Math.min(earliest, slot), Infinity) + SLOT_WAKE_MARGIN_MS;
      const ms = Math.max(0, Math.min(pollMs, nextSlot - Date.now()));
      sleepingUntil = Date.now() + ms;
      const done = () => {
        clearTimeout(timer);
        sleepingUntil = Infinity;
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  // Posts the intake leased for this worker in the statement that stored them: run at once, beside the loop.
  const taker: PostTaker = {
    leaseMs: context.post.leaseMs,
    take: (posts) => {
      if (!running) return false;
      const post = kinds.get('post')!;
      post.adopted?.(posts);
      for (const item of posts) track(post, item);
      return true;
    },
  };

  const unsubscribe = onWorkSignal(onSignal, taker);
  const listening = listenForWork(want, [...kinds.keys()]);
  const loop = (async () => {
    await scheduleRetention(db()).catch((error: unknown) => log().error({ err: error }, 'Could not schedule the retention job'));
    while (running) {
      await claimDue();
      if (running) await sleep();
    }
    await Promise.all(claimsBesideLoop);
    await Promise.all([...inFlight.values()].flatMap((flights) => [...flights]));
  })();

  log().info('Delivery worker started.');
  return {
    stop: async () => {
      running = false;
      unsubscribe();
      wake?.();
      await loop;
      await listening.close();
      log().info('Delivery worker stopped.');
    },
  };
}
