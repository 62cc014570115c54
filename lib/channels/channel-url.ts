// Where a channel of a workspace opens: the local emulator's channel page in sandbox mode, Slack otherwise.
import { sandboxInfo } from '@/lib/sandbox';

/** channelUrl links a channel of `teamId` in Slack (or in the sandbox emulator). */
export function channelUrl(teamId: string, channelId: string): string {
  const sandbox = sandboxInfo();
  if (sandbox) return `${sandbox.emulatorUrl}/t/${encodeURIComponent(teamId)}/c/${encodeURIComponent(channelId)}`;
  return `https://slack.com/app_redirect?team=${encodeURIComponent(teamId)}&channel=${encodeURIComponent(channelId)}`;
}
