// The kinds of outbox work a worker runs, each a claim (lease due items) and a run (do one). Adding a kind
// of delivery-like work is one entry here; adding a timed job is one handler file in ./handlers.
import { deliverPost, deliverUpdate, type PostTiming } from '../delivery/deliver';
import { deliverGroup } from '../delivery/deliver-group';
import { observePostStage } from '../delivery/post-stages';
import { sendReply } from '../delivery/send-reply';
import { log } from '../log';
import { nextBackoffMs } from '../delivery/classify-slack-error';
import { claimChannelPosts, claimPosts, claimUpdates, type ClaimedPost } from './deliveries';
import { JOB_HANDLERS } from './handlers';
import { claimJobs, retryJob, runJobInTransaction, type ClaimedJob } from './jobs';
import { claimGroups, type ClaimedGroup } from './groups';
import { claimReplies } from './replies';
import { signalWork, type PostChannel, type WorkKind } from './signal';

/** WorkContext is what a worker tells the kinds it runs: the lease of their claims, and a post's own timing. */
export interface WorkContext {
  leaseMs: number;
  post: PostTiming;
}

/** OutboxKind is one kind of deferred work. */
export interface OutboxKind<Item = unknown> {
  name: WorkKind;
  claim(limit: number, context: WorkContext): Promise<Item[]>;
  /** run does one item to completion or to its next attempt, recording the outcome; it never throws. */
  run(item: Item, context: WorkContext): Promise<void>;
  /** dueAgain tells when more of this kind may be due because of this item (a channel's next slot). */
  dueAgain?(item: Item): Date | null;
  /** claimChannels claims only what is due on channels that just got new work (posts). */
  claimChannels?(channels: readonly PostChannel[], limit: number, context: WorkContext): Promise<Item[]>;
  /** adopted is told of items leased elsewhere (posts, by the intake) that a worker runs as if it had claimed them. */
  adopted?(items: Item[]): void;
}

const MAX_JOB_ATTEMPTS = 10;

async function runJob(job: ClaimedJob): Promise<void> {
  const handler = JOB_HANDLERS.get(job.kind);
  try {
    if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
    const payload = handler.payload.parse(job.payload);
    const outcome = await runJobInTransaction(job, (tx) => handler.run({ ...job, payload }, tx));
    if (!outcome.ran) log().warn({ job: job.id, kind: job.kind }, 'Job was taken over by another worker after its lease; not run here');
    else if (outcome.result.length > 0) signalWork(...outcome.result);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const giveUp = !handler || job.attempts >= MAX_JOB_ATTEMPTS;
    log().error({ err: error, job: job.id, kind: job.kind, attempts: job.attempts }, giveUp ? 'Job failed for good' : 'Job failed; retrying');
    await retryJob(job, giveUp ? null : new Date(Date.now() + nextBackoffMs(job.attempts)), reason).catch((recordError: unknown) =>
      log().error({ err: recordError, job: job.id }, 'Could not record the outcome of a job'),
    );
  }
}

// A first post's claim is timed for the post-stage histogram (lib/delivery/post-stages.ts).
async function timedClaim(claim: () => Promise<ClaimedPost[]>) {
  const startedAt = Date.now();
  const started = performance.now();
  const posts = await claim();
  const claimMs = performance.now() - started;
  for (const item of posts.filter((p) => p.attempts === 1)) {
    observePostStage('queued', startedAt - item.createdAt.getTime());
    observePostStage('claim', claimMs);
  }
  return posts;
}

const post: OutboxKind<ClaimedPost> = {
  name: 'post',
  // Leased in the statement that stored them: queued until now, and no claim of their own.
  adopted: (items) => {
    const now = Date.now();
    for (const item of items) observePostStage('queued', now - item.createdAt.getTime());
  },
  claim: (limit, { post: timing }) => timedClaim(() => claimPosts(limit, timing.leaseMs)),
  claimChannels: (channels, limit, { post: timing }) => timedClaim(() => claimChannelPosts(channels, limit, timing.leaseMs)),
  run: (item, { post: timing }) => deliverPost(item, timing),
  dueAgain: (item) => item.nextSlot,
};
type MessageUpdate = Awaited<ReturnType<typeof claimUpdates>>[number] | ClaimedGroup;
// Message updates: an alert's own messages, and the one message of each alert group (lib/outbox/groups.ts).
const update: OutboxKind<MessageUpdate> = {
  name: 'update',
  claim: async (limit, { leaseMs }) => {
    const updates: MessageUpdate[] = await claimUpdates(limit, leaseMs);
    return updates.length < limit ? [...updates, ...(await claimGroups(limit - updates.length, leaseMs))] : updates;
  },
  run: (item) => ('groupId' in item ? deliverGroup(item) : deliverUpdate(item)),
};
const reply: OutboxKind<Awaited<ReturnType<typeof claimReplies>>[number]> = { name: 'reply', claim: (limit, { leaseMs }) => claimReplies(limit, leaseMs), run: sendReply };
const job: OutboxKind<ClaimedJob> = { name: 'job', claim: (limit, { leaseMs }) => claimJobs(limit, leaseMs), run: runJob };

/** OUTBOX_KINDS is every kind a worker runs, in the order it claims them. */
export const OUTBOX_KINDS = [post, update, reply, job] as OutboxKind[];
