// "Who is on call" as Slack text, per schedule: for `/klaxon oncall [schedule]` and the App Home.
import { escapeMrkdwn } from '../blocks/escape-mrkdwn';
import { slackDate } from '../blocks/slack-date';
import { whoIsOnCall, type OnCallNow } from './on-call';
import { listSchedules, specOf } from './schedules';

const MAX_SCHEDULES = 20;

const person = (user: string | null) => (user ? `<@${user}>` : '_nobody_');

/** onCallLine says who is on call for one schedule now, until when, and who is next from when (Slack mrkdwn). */
export function onCallLine(scheduleName: string, now: OnCallNow): string {
  const next = now.next ? ` · next ${person(now.next.user)} from ${slackDate(now.next.at)}` : '';
  return `*${escapeMrkdwn(scheduleName)}*: ${person(now.user)}${now.until ? ` until ${slackDate(now.until)}` : ''}${next}`;
}

/** onCallLines says, one line per schedule (those whose name contains `filter`, if given), who is on call now and next. */
export async function onCallLines(workspaceId: string, filter?: string, at = new Date()): Promise<string[]> {
  const wanted = filter?.trim().toLowerCase();
  const schedules = (await listSchedules({ workspaceId })).filter((s) => !wanted || s.name.toLowerCase().includes(wanted)).slice(0, MAX_SCHEDULES);
  return schedules.map((schedule) => onCallLine(schedule.name, whoIsOnCall(specOf(schedule), at)));
}
