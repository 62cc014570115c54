import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from './jwt';
import type { SlackEmulator } from './server';
import { REDIRECT_URI, SECRETS, api, authorize, credentials, startTestEmulator } from './test-support';

let emu: SlackEmulator;
let clock = Date.now();

beforeAll(async () => {
  emu = await startTestEmulator({ now: () => clock });
});
afterAll(() => emu.close());
beforeEach(() => {
  clock = Date.now();
  emu.state.reset();
});

describe('OAuth v2 install', () => {
  it('shows a consent page with scopes, workspace and user pickers, Allow and Cancel', async () => {
    const res = await fetch(`${emu.authorizeUrl}?client_id=${SECRETS.clientId}&scope=chat:write,channels:read&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=s1`);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toMatch(/<select id="team" name="team">/);
    expect(page).toContain('name="user_T0ACME0001"');
    expect(page).toMatch(/<option value="U0ACMEOWN1" selected>/);
    expect(page).toContain('<code>chat:write</code>');
    expect(page).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(page).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
  });

  it('rejects an unknown client_id with an error page', async () => {
    const res = await fetch(`${emu.authorizeUrl}?client_id=nope&scope=chat:write&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Invalid client_id');
  });

  it('redirects Allow with code and state, and exchanges the code once', async () => {
    const back = await authorize(emu, { scope: 'chat:write,channels:read', user_scope: 'users:read' }, { user_T0ACME0001: 'U0ACMEADM1' });
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('state')).toBe('st-123');
    const code = back.searchParams.get('code') ?? '';
    const first = await api(emu, 'oauth.v2.access', { ...credentials(), code, redirect_uri: REDIRECT_URI });
    expect(first.body).toMatchObject({
      ok: true,
      token_type: 'bot',
      bot_user_id: 'U0ACMEBOT1',
      team: { id: 'T0ACME0001', name: 'Acme Sandbox' },
      authed_user: { id: 'U0ACMEADM1', scope: 'users:read', token_type: 'user' },
      enterprise: null,
      is_enterprise_install: false,
    });
    expect(String(first.body.access_token)).toMatch(/^xoxb-/);
    expect(String(first.body.scope).split(',').sort()).toEqual(['channels:read', 'chat:write']);
    const again = await api(emu, 'oauth.v2.access', { ...credentials(), code, redirect_uri: REDIRECT_URI });
    expect(again.body).toEqual({ ok: false, error: 'invalid_code' });
    const auth = await api(emu, 'auth.test', {}, String(first.body.access_token));
    expect(auth.body).toMatchObject({ ok: true, team_id: 'T0ACME0001', user_id: 'U0ACMEBOT1', bot_id: 'B0ACMEBOT1' });
  });

  it('redirects Cancel with access_denied and the state', async () => {
    const back = await authorize(emu, { scope: 'chat:write' }, { decision: 'cancel' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-123');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('checks client credentials, the redirect URI and code expiry', async () => {
    const code = async () => (await authorize(emu, { scope: 'chat:write' })).searchParams.get('code') ?? '';
    const wrongSecret = await api(emu, 'oauth.v2.access', { client_id: SECRETS.clientId, client_secret: 'x', code: await code(), redirect_uri: REDIRECT_URI });
    expect(wrongSecret.body.error).toBe('bad_client_secret');
    const wrongId = await api(emu, 'oauth.v2.access', { client_id: '9', client_secret: SECRETS.clientSecret, code: await code(), redirect_uri: REDIRECT_URI });
    expect(wrongId.body.error).toBe('invalid_client_id');
    const wrongRedirect = await api(emu, 'oauth.v2.access', { ...credentials(), code: await code(), redirect_uri: 'http://evil.test/cb' });
    expect(wrongRedirect.body.error).toBe('bad_redirect_uri');
    const stale = await code();
    clock += 11 * 60_000;
    expect((await api(emu, 'oauth.v2.access', { ...credentials(), code: stale, redirect_uri: REDIRECT_URI })).body.error).toBe('invalid_code');
  });

  it('accepts client credentials through HTTP Basic auth', async () => {
    const code = (await authorize(emu, { scope: 'chat:write' })).searchParams.get('code') ?? '';
    const res = await fetch(`${emu.apiUrl}oauth.v2.access`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${SECRETS.clientId}:${SECRETS.clientSecret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, redirect_uri: REDIRECT_URI }),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('keeps the old bot token working after a reinstall and adds the new scopes', async () => {
    const first = emu.state.install({ teamId: 'T0ACME0001', botScopes: ['chat:write'] });
    const second = emu.state.install({ teamId: 'T0ACME0001', botScopes: ['team:read'] });
    expect(second.access_token).not.toBe(first.access_token);
    expect((await api(emu, 'team.info', {}, String(first.access_token))).body.ok).toBe(true);
  });
});

describe('token rotation', () => {
  it('expires access tokens after 12 h and redeems each refresh token once', async () => {
    const rotating = await startTestEmulator({ tokenRotation: true, now: () => clock });
    try {
      const install = rotating.state.install({ teamId: 'T0GLOBEX01', botScopes: ['team:read'] });
      expect(install).toMatchObject({ expires_in: 43200 });
      expect(String(install.access_token)).toMatch(/^xoxe\.xoxb-/);
      clock += 43_200_000;
      expect((await api(rotating, 'team.info', {}, String(install.access_token))).body.error).toBe('token_expired');
      const refresh = { ...credentials(), grant_type: 'refresh_token', refresh_token: String(install.refresh_token) };
      const renewed = await api(rotating, 'oauth.v2.access', refresh);
      expect(renewed.body).toMatchObject({ ok: true, token_type: 'bot', expires_in: 43200 });
      expect(renewed.body.refresh_token).not.toBe(install.refresh_token);
      expect((await api(rotating, 'team.info', {}, String(renewed.body.access_token))).body.ok).toBe(true);
      expect((await api(rotating, 'oauth.v2.access', refresh)).body.error).toBe('invalid_refresh_token');
    } finally {
      await rotating.close();
    }
  });
});

describe('Sign in with Slack (OpenID Connect)', () => {
  it('issues an id_token signed with the client secret and answers userInfo', async () => {
    const back = await authorize(
      emu,
      { response_type: 'code', scope: 'openid profile email', nonce: 'n-42' },
      { team: 'T0GLOBEX01', user_T0GLOBEX01: 'U0GLBXMEM1' },
      '/openid/connect/authorize',
    );
    const code = back.searchParams.get('code') ?? '';
    const token = await api(emu, 'openid.connect.token', { ...credentials(), code, redirect_uri: REDIRECT_URI });
    expect(token.body).toMatchObject({ ok: true, token_type: 'Bearer' });
    const idToken = String(token.body.id_token);
    const [header, payload, signature] = idToken.split('.');
    expect(createHmac('sha256', SECRETS.clientSecret).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    expect(decodeJwt(idToken)).toMatchObject({
      iss: 'https://slack.com',
      aud: SECRETS.clientId,
      sub: 'U0GLBXMEM1',
      nonce: 'n-42',
      email: 'frank@globex.test',
      'https://slack.com/team_id': 'T0GLOBEX01',
    });
    const info = await api(emu, 'openid.connect.userInfo', {}, String(token.body.access_token));
    expect(info.body).toMatchObject({ ok: true, sub: 'U0GLBXMEM1', name: 'Frank Grimes', 'https://slack.com/team_domain': 'globex-sandbox', email_verified: true });
    expect((await api(emu, 'openid.connect.token', { ...credentials(), code, redirect_uri: REDIRECT_URI })).body.error).toBe('invalid_code');
  });

  it('refuses an OpenID request without the openid scope', async () => {
    const q = new URLSearchParams({ response_type: 'code', scope: 'profile', client_id: SECRETS.clientId, redirect_uri: REDIRECT_URI });
    expect((await fetch(`${emu.url}/openid/connect/authorize?${q}`)).status).toBe(400);
  });
});
