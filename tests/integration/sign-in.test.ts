// "Sign in with Slack" (OpenID Connect) against the emulator: roles, several workspaces in one session,
// refusal for workspaces without Klaxon, and server-side sign-out behind the same-origin check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { POST as signOut } from '@/app/api/auth/sign-out/route';
import { GET as signInCallback } from '@/app/api/slack/sign-in/callback/route';
import { GET as signInStart } from '@/app/api/slack/sign-in/route';
import { readSession, SESSION_COOKIE } from '@/lib/auth/sessions';
import { scopeForSession } from '@/lib/auth/workspace-scope';
import { disconnectDb } from '@/lib/db';
import { env } from '@/lib/env';
import { installWorkspace } from '../support/install-flow';
import { answerConsent, CookieJar, startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
});
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

async function signIn(teamId: string, userId: string, jar = new CookieJar(), next?: string): Promise<{ jar: CookieJar; response: Response }> {
  const start = await signInStart(jar.request(`${env().appUrl}/api/slack/sign-in${next === undefined ? '' : `?${new URLSearchParams({ next }).toString()}`}`));
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.pathname).toBe('/openid/connect/authorize');
  expect(authorize.searchParams.get('scope')).toBe('openid profile email');
  jar.store(start);
  const callback = await answerConsent(authorize.toString(), { teamId, userId });
  const response = await signInCallback(jar.request(callback));
  jar.store(response);
  return { jar, response };
}

describe('Sign in with Slack', () => {
  it('signs a regular member in as a viewer, and a Slack admin as an admin', async () => {
    const member = await signIn(workspaces.acme.id, 'U0ACMEMEM2');
    expect(member.response.headers.get('location')).toBe(`${env().appUrl}/w/${workspaces.acme.id}`);
    const memberSession = await readSession(member.jar.get(SESSION_COOKIE)!);
    expect(memberSession?.memberships.map((m) => [m.slackUserId, m.role, m.displayName])).toEqual([['U0ACMEMEM2', 'viewer', 'kj']]);

    const admin = await signIn(workspaces.acme.id, 'U0ACMEADM1');
    const adminSession = await readSession(admin.jar.get(SESSION_COOKIE)!);
    expect(adminSession?.memberships[0]?.role).toBe('admin');
  });

  it('refuses members of a workspace where Klaxon is not installed, and signs nobody in', async () => {
    const { response } = await signIn(workspaces.globex.id, 'U0GLBXOWN1');
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/oauth/failed');
    expect(location.searchParams.get('reason')).toBe('not_installed');
    expect(location.searchParams.get('flow')).toBe('sign-in');
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
  });

  it('lets one browser hold identities in several installed workspaces and scopes each to its own', async () => {
    await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
    const { jar } = await signIn(workspaces.acme.id, 'U0ACMEMEM1');
    const firstToken = jar.get(SESSION_COOKIE);
    await signIn(workspaces.globex.id, 'U0GLBXMEM1', jar);
    expect(jar.get(SESSION_COOKIE)).toBe(firstToken);
    const session = (await readSession(firstToken!))!;
    expect(session.memberships.map((m) => m.workspace.id).sort()).toEqual([workspaces.acme.id, workspaces.globex.id].sort());
    expect(scopeForSession(session, workspaces.globex.id).actor).toMatchObject({ slackUserId: 'U0GLBXMEM1' });
    expect(() => scopeForSession(session, 'T0SOMEONEELSE')).toThrow('No such workspace');
  });

  it('brings the browser back to the deep link it signed in from (an alert page), kept with the state on the server', async () => {
    const deepLink = `/w/${workspaces.acme.id}/alerts/0b5c2d7e-3d1f-4c55-9a7e-2f0f6a1b2c3d?tab=activity`;
    const { response } = await signIn(workspaces.acme.id, 'U0ACMEMEM1', new CookieJar(), deepLink);
    expect(response.headers.get('location')).toBe(`${env().appUrl}${deepLink}`);
  });

  it('never leaves the app or lands on another workspace: such a next lands on the overview', async () => {
    for (const next of ['https://evil.example/w/x', '//evil.example', '/\\evil.example', `/w/${workspaces.globex.id}/alerts/1`]) {
      const { response } = await signIn(workspaces.acme.id, 'U0ACMEMEM1', new CookieJar(), next);
      expect(response.headers.get('location'), next).toBe(`${env().appUrl}/w/${workspaces.acme.id}`);
    }
  });

  it('signs out on the server: the cookie stops working; a cross-site sign-out is refused', async () => {
    const { jar } = await signIn(workspaces.acme.id, 'U0ACMEMEM1');
    const token = jar.get(SESSION_COOKIE)!;
    const forged = await signOut(jar.request(`${env().appUrl}/api/auth/sign-out`, { method: 'POST', headers: { origin: 'https://evil.example' } }));
    expect(forged.status).toBe(403);
    expect(await readSession(token)).not.toBeNull();
    const missing = await signOut(jar.request(`${env().appUrl}/api/auth/sign-out`, { method: 'POST' }));
    expect(missing.status).toBe(403);

    const response = await signOut(jar.request(`${env().appUrl}/api/auth/sign-out`, { method: 'POST', headers: { origin: env().appUrl } }));
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(await readSession(token)).toBeNull();
  });
});
