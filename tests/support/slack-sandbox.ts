// Integration-test plumbing for Slack flows: an emulator sharing the app's sandbox credentials, seeded with
// workspace ids unique to the test file (test files share one database), a cookie jar, and the consent
// page walked over HTTP the way a browser would.
import { randomBytes } from 'node:crypto';
import { startSlackEmulator, type SlackEmulator } from '@/emulator/server';
import { defaultWorkspaces, type SeedWorkspace } from '@/emulator/seed';
import { env, provideEnv } from '@/lib/env';

/** SandboxWorkspaces maps the emulator's two seed workspaces to this file's unique ids. */
export interface SandboxWorkspaces {
  acme: SeedWorkspace;
  globex: SeedWorkspace;
}

/** uniqueWorkspaces returns the default seed with team ids no other test file uses. */
export function uniqueWorkspaces(): SandboxWorkspaces {
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const [acme, globex] = defaultWorkspaces().map((workspace) => ({ ...workspace, id: `${workspace.id.slice(0, 4)}${tag}` }));
  return { acme: acme!, globex: globex! };
}

/**
 * startSandboxSlack starts an emulator with the app's credentials and points the app's Slack URLs at it; with
 * `appToken` it speaks Socket Mode.
 */
export async function startSandboxSlack(options: { tokenRotation?: boolean; appToken?: string } = {}): Promise<{ emulator: SlackEmulator; workspaces: SandboxWorkspaces }> {
  const workspaces = uniqueWorkspaces();
  const { slack, appUrl } = env();
  const emulator = await startSlackEmulator({
    signingSecret: slack.signingSecret,
    clientId: slack.clientId,
    clientSecret: slack.clientSecret,
    appUrl,
    pacing: false,
    tokenRotation: options.tokenRotation ?? false,
    appToken: options.appToken,
    workspaces: [workspaces.acme, workspaces.globex],
  });
  provideEnv({ SLACK_API_URL: emulator.apiUrl, SLACK_AUTHORIZE_URL: emulator.authorizeUrl });
  return { emulator, workspaces };
}

/** CookieJar keeps the cookies a browser would, from Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** store records a response's Set-Cookie headers (an expired cookie is removed). */
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const expires = attributes.find((attribute) => attribute.trim().toLowerCase().startsWith('expires='));
      if (expires && new Date(expires.split('=')[1]!).getTime() <= Date.now()) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(index + 1).trim());
    }
  }

  get(name: string): string | undefined {
    const value = this.cookies.get(name);
    return value === undefined ? undefined : decodeURIComponent(value);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** request builds a GET/POST to url carrying the jar's cookies. */
  request(url: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.header());
    return new Request(url, { ...init, headers });
  }
}

/** answerConsent submits the emulator's consent page for authorizeUrl and returns where Slack redirects. */
export async function answerConsent(
  authorizeUrl: string,
  choice: { teamId: string; userId?: string; decision?: 'allow' | 'cancel' },
): Promise<string> {
  const url = new URL(authorizeUrl);
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  const form = new URLSearchParams(url.searchParams);
  form.set('team', choice.teamId);
  if (choice.userId) form.set(`user_${choice.teamId}`, choice.userId);
  form.set('decision', choice.decision ?? 'allow');
  const answer = await fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: form, redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`consent answered ${answer.status}`);
  return location;
}
