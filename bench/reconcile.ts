// Reconciliation against the Slack emulator's call record: which accepted alerts were posted to each of their
// channels exactly once, which never (lost), which more than once (duplicated). Klaxon tags every alert message
// with its delivery id (`<alert id>_<n>`) in Slack message metadata, so each post names the alert it is for.
import { parseStructuredArg } from '../emulator/method';
import type { CallRecord } from '../emulator/types';

/** Post is one chat.postMessage that Slack carried out. */
export interface Post {
  at: number;
  channel: string;
}

/**
 * postedMessages groups the chat.postMessage calls Slack carried out (answered or not: a dropped or late answer
 * still posted) by the delivery id in their metadata; thread replies and other posts carry none.
 */
export function postedMessages(calls: readonly CallRecord[]): Map<string, Post[]> {
  const byDelivery = new Map<string, Post[]>();
  for (const call of calls) {
    if (call.method !== 'chat.postMessage' || !call.ok) continue;
    // As Slack reads it: a JSON object in a JSON body, a JSON string in a form.
    const metadata = parseStructuredArg(call.params.metadata) as { event_payload?: { delivery_id?: unknown } } | undefined;
    const id = metadata?.event_payload?.delivery_id;
    if (typeof id !== 'string') continue;
    const list = byDelivery.get(id) ?? [];
    list.push({ at: Date.parse(call.at), channel: String(call.params.channel) });
    byDelivery.set(id, list);
  }
  return byDelivery;
}

/** Expected is one post an accepted alert owes: to this channel, once. */
export interface Expected {
  alertId: string;
  channel: string;
}

/** Reconciliation counts the expected posts by outcome; examples name a few that went wrong. */
export interface Reconciliation {
  expected: number;
  posted: number;
  lost: number;
  duplicated: number;
  /** Posts of expected alerts to channels they were not routed to. */
  misplaced: number;
  /** Not posted, and shown as failed (a dead delivery): not lost. */
  failedVisibly: number;
  examples: string[];
}

/**
 * reconcile checks every expected post against the posts Slack carried out: exactly once is right, never is lost
 * (unless the alert is in failedVisibly: its delivery ended dead, as after an uninstall), twice or more is
 * duplicated. The number after a delivery id's last `_` is its position among the alert's channels.
 */
export function reconcile(expected: readonly Expected[], posts: ReadonlyMap<string, Post[]>, failedVisibly: ReadonlySet<string> = new Set()): Reconciliation {
  const byAlert = new Map<string, Post[]>();
  for (const [deliveryId, list] of posts) {
    const alertId = deliveryId.replace(/_\d+$/, '');
    byAlert.set(alertId, [...(byAlert.get(alertId) ?? []), ...list]);
  }
  const result: Reconciliation = { expected: expected.length, posted: 0, lost: 0, duplicated: 0, misplaced: 0, failedVisibly: 0, examples: [] };
  const note = (what: string) => void (result.examples.length < 5 && result.examples.push(what));
  const channelsOf = new Map<string, Set<string>>();
  for (const { alertId, channel } of expected) channelsOf.set(alertId, (channelsOf.get(alertId) ?? new Set()).add(channel));
  for (const { alertId, channel } of expected) {
    const count = (byAlert.get(alertId) ?? []).filter((post) => post.channel === channel).length;
    if (count === 1) result.posted += 1;
    else if (count > 1) {
      result.duplicated += 1;
      note(`${alertId} posted ${count} times to ${channel}`);
    } else if (failedVisibly.has(alertId)) result.failedVisibly += 1;
    else {
      result.lost += 1;
      note(`${alertId} never posted to ${channel}`);
    }
  }
  for (const [alertId, channels] of channelsOf) {
    const strays = (byAlert.get(alertId) ?? []).filter((post) => !channels.has(post.channel));
    result.misplaced += strays.length;
    if (strays.length > 0) note(`${alertId} posted to ${strays[0]!.channel}, not routed there`);
  }
  return result;
}

/** describeReconciliation is one line for the report: "20000 expected: 0 lost, 0 duplicated …". */
export function describeReconciliation(r: Reconciliation): string {
  const visibly = r.failedVisibly > 0 ? `, ${r.failedVisibly} failed visibly` : '';
  const misplaced = r.misplaced > 0 ? `, ${r.misplaced} misplaced` : '';
  return `${r.expected} expected posts: ${r.posted} posted once, ${r.lost} lost, ${r.duplicated} duplicated${visibly}${misplaced}${r.examples.length ? ` (${r.examples.join('; ')})` : ''}`;
}
