// A Slack member's time zone (users.info `tz`), for times on their own clock ("until 09:00 tomorrow").

import { botTokenFor } from './bot-token';
import { slackClient } from './client';

/** userTimeZone returns a member's IANA time zone from Slack, or `fallback` when Slack does not say. */
export async function userTimeZone(teamId: string, userId: string, fallback = 'UTC'): Promise<string> {
  try {
    const { user } = await slackClient(await botTokenFor(teamId), { timeoutMs: 2_000 }).users.info({ user: userId });
    return user?.tz || fallback;
  } catch {
    // A snooze must not fail because users.info did: it then ends on UTC's clock.
    return fallback;
  }
}
