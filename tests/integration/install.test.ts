// "Add to Slack" end to end against the Slack emulator and a real PostgreSQL: the route handlers are
// called with real Requests; the emulator is reached over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { GET as oauthRedirect } from '@/app/api/slack/oauth_redirect/route';
import { GET as install } from '@/app/api/slack/install/route';
import { readSession, SESSION_COOKIE } from '@/lib/auth/sessions';
import { db, disconnectDb } from '@/lib/db';
import { env, provideEnv } from '@/lib/env';
import { prismaInstallationStore } from '@/lib/slack/installation-store';
import { issueState } from '@/lib/slack/oauth-state';
import { answerConsent, CookieJar, startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
});
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

/** startInstall clicks "Add to Slack" in a fresh browser and returns the jar and Slack's consent URL. */
async function startInstall(jar = new CookieJar()) {
  const response = await install(jar.request(`${env().appUrl}/api/slack/install`));
  expect(response.status).toBe(302);
  jar.store(response);
  return { jar, consentUrl: response.headers.get('location')! };
}

async function finish(jar: CookieJar, callbackUrl: string) {
  const response = await oauthRedirect(jar.request(callbackUrl));
  jar.store(response);
  return response;
}

function failureReason(response: Response): string | null {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location')!);
  expect(location.pathname).toBe('/oauth/failed');
  return location.searchParams.get('reason');
}

async function expectNothingRecorded(teamId: string, response: Response) {
  expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
  expect(await db().workspace.findUnique({ where: { id: teamId } })).toBeNull();
}

describe('Add to Slack', () => {
  it('redirects to the authorize URL with client id, minimal scopes, redirect URI and a state bound to a cookie', async () => {
    const { jar, consentUrl } = await startInstall();
    const url = new URL(consentUrl);
    expect(`${url.origin}${url.pathname}`).toBe(emulator.authorizeUrl);
    expect(url.searchParams.get('client_id')).toBe(env().slack.clientId);
    expect(url.searchParams.get('scope')).toBe('chat:write,reactions:write,channels:read,groups:read,channels:join,channels:history,groups:history,users:read,im:write,usergroups:write,commands');
    expect(url.searchParams.get('redirect_uri')).toBe(`${env().appUrl}/api/slack/oauth_redirect`);
    const state = url.searchParams.get('state')!;
    expect(state.split('.')).toHaveLength(3);
    expect(jar.get('klaxon_oauth_install')).toBe(state.split('.')[0]);
  });

  it('installs, stores the installation encrypted, signs the installer in as admin and lands on the workspace', async () => {
    const teamId = workspaces.acme.id;
    const { jar, consentUrl } = await startInstall();
    const response = await finish(jar, await answerConsent(consentUrl, { teamId, userId: 'U0ACMEMEM1' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${env().appUrl}/w/${teamId}`);

    const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // APP_URL is http here
    const session = await readSession(jar.get(SESSION_COOKIE)!);
    expect(session?.memberships.map((m) => [m.slackUserId, m.role, m.displayName, m.workspace.id, m.workspace.name])).toEqual([
      ['U0ACMEMEM1', 'admin', 'alan.t', teamId, 'Acme Sandbox'],
    ]);

    const stored = await db().installation.findUniqueOrThrow({ where: { workspaceId: teamId } });
    expect(stored.scopes).toEqual(expect.arrayContaining(['chat:write', 'users:read']));
    expect(stored.botUserId).toBe(workspaces.acme.botUserId);
    expect(stored.botTokenCiphertext).not.toContain('xoxb-');
    const fetched = await prismaInstallationStore.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    expect(fetched.bot?.token).toBe(emulator.state.botToken(teamId));
    expect(jar.get('klaxon_oauth_install')).toBeUndefined();
  });

  it('records nothing when the user presses Cancel on Slack', async () => {
    const teamId = workspaces.globex.id;
    const { jar, consentUrl } = await startInstall();
    const response = await finish(jar, await answerConsent(consentUrl, { teamId, decision: 'cancel' }));
    expect(failureReason(response)).toBe('access_denied');
    await expectNothingRecorded(teamId, response);
  });

  it.each([
    ['missing state', (url: URL) => url.searchParams.delete('state'), 'missing_state'],
    ['forged state', (url: URL) => url.searchParams.set('state', `${url.searchParams.get('state')!.slice(0, -3)}abc`), 'invalid_state'],
    ['state from another browser', (url: URL, jar: CookieJar) => jar.store(new Response(null, { headers: { 'set-cookie': 'klaxon_oauth_install=other' } })), 'invalid_state'],
    ['invalid code', (url: URL) => url.searchParams.set('code', 'not-a-code'), 'invalid_code'],
  ])('shows a failure page and records nothing for a %s', async (_label, tamper, reason) => {
    const teamId = workspaces.globex.id;
    const { jar, consentUrl } = await startInstall();
    const callback = new URL(await answerConsent(consentUrl, { teamId }));
    tamper(callback, jar);
    const response = await finish(jar, callback.toString());
    expect(failureReason(response)).toBe(reason);
    await expectNothingRecorded(teamId, response);
  });

  it('refuses an expired state', async () => {
    const teamId = workspaces.globex.id;
    const { state, nonce } = await issueState('install', new Date(Date.now() - 11 * 60 * 1000));
    const jar = new CookieJar();
    jar.store(new Response(null, { headers: { 'set-cookie': `klaxon_oauth_install=${nonce}` } }));
    const response = await finish(jar, `${env().appUrl}/api/slack/oauth_redirect?code=whatever&state=${encodeURIComponent(state)}`);
    expect(failureReason(response)).toBe('expired_state');
    await expectNothingRecorded(teamId, response);
  });

  it('accepts a state once: replaying the callback fails', async () => {
    const { jar, consentUrl } = await startInstall();
    const callback = await answerConsent(consentUrl, { teamId: workspaces.acme.id });
    const cookies = jar.header();
    expect((await finish(jar, callback)).status).toBe(303);
    const replay = await oauthRedirect(new Request(callback, { headers: { cookie: cookies } }));
    expect(failureReason(replay)).toBe('replayed_state');
  });

  it('shows "Slack unreachable" when Slack cannot be reached, and records nothing', async () => {
    const teamId = workspaces.globex.id;
    const { jar, consentUrl } = await startInstall();
    const callback = await answerConsent(consentUrl, { teamId });
    provideEnv({ SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    try {
      const response = await finish(jar, callback);
      expect(failureReason(response)).toBe('slack_unreachable');
      await expectNothingRecorded(teamId, response);
    } finally {
      provideEnv({ SLACK_API_URL: emulator.apiUrl });
    }
  });
});
