// "Who is on call" as Slack text, per schedule: for `/klaxon oncall [schedule]` and the App Home.
import { escapeMrkdwn } from '../blocks/escape-mrkdwn';
import { whoIsOnCall } from './on-call';
import { listSchedules, specOf } from './schedules';

const MAX_SCHEDULES = 20;

const slackDate = (at: Date) => `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${at.toISOString()}>`;
const person = (user: string | null) => (user ? `<@${user}>` : '_nobody_');

/** onCallLines says, one line per schedule (those whose name contains `filter`, if given), who is on call now and next. */
export async function onCallLines(workspaceId: string, filter?: string, at = new Date()): Promise<string[]> {
  const wanted = filter?.trim().toLowerCase();
  const schedules = (await listSchedules({ workspaceId })).filter((s) => !wanted || s.name.toLowerCase().includes(wanted)).slice(0, MAX_SCHEDULES);
  return schedules.map((schedule) => {
    const now = whoIsOnCall(specOf(schedule), at);
    const next = now.next ? ` · next ${person(now.next.user)} from ${slackDate(now.next.at)}` : '';
    return `*${escapeMrkdwn(schedule.name)}*: ${person(now.user)}${now.until ? ` until ${slackDate(now.until)}` : ''}${next}`;
  });
}
