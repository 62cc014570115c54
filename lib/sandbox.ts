// What the UI shows about sandbox mode (no Slack credentials: the local emulator stands in for Slack).
import { env } from './env';

/** SandboxInfo is set only in sandbox mode; it links the local Slack emulator. */
export interface SandboxInfo {
  emulatorUrl: string;
}

/**
 * sandboxInfo returns the emulator's address in sandbox mode, and null with real Slack credentials. It is
 * the browser's address of the emulator (its consent page's origin, under the dashboard's host name), not
 * the one the app calls the Web API at.
 */
export function sandboxInfo(): SandboxInfo | null {
  const { slack } = env();
  if (slack.mode !== 'sandbox') return null;
  return { emulatorUrl: new URL(slack.authorizeUrl).origin };
}
