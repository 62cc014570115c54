import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from './server';
import { SECRETS, api, hasValidSignature, payloadOf, startAppStub, startTestEmulator, type AppStub } from './test-support';

let emu: SlackEmulator;
let app: AppStub;
let token: string;

const alertBlocks = [
  { type: 'header', text: { type: 'plain_text', text: 'Disk full on db-1' } },
  { type: 'section', text: { type: 'mrkdwn', text: '*Severity:* _critical_ — see <https://runbooks.test/disk|runbook> `df -h`' }, fields: [{ type: 'mrkdwn', text: '*Host*\ndb-1' }] },
  { type: 'context', elements: [{ type: 'mrkdwn', text: 'via Klaxon' }] },
  {
    type: 'actions',
    block_id: 'alert_actions',
    elements: [
      { type: 'button', text: { type: 'plain_text', text: 'Acknowledge' }, action_id: 'alert_ack', value: 'alert-1', style: 'primary' },
      { type: 'button', text: { type: 'plain_text', text: 'Resolve' }, action_id: 'alert_resolve', value: 'alert-1', style: 'danger' },
    ],
  },
];

beforeAll(async () => {
  app = await startAppStub();
  emu = await startTestEmulator({ pacing: false, appUrl: app.url });
});
afterAll(async () => {
  await emu.close();
  await app.close();
});
beforeEach(() => {
  emu.state.reset();
  app.received.length = 0;
  app.reply.status = 200;
  app.reply.body = '';
  app.afterReply = null;
  token = String(emu.state.install({ teamId: 'T0ACME0001' }).access_token);
});

async function postAlert(): Promise<string> {
  const res = await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'Disk full on db-1', blocks: alertBlocks }, token);
  return String(res.body.ts);
}

describe('block_actions', () => {
  it('sends a signed block_actions payload shaped like Slack’s, with a usable trigger_id and response_url', async () => {
    const ts = await postAlert();
    const result = await emu.state.clickButton({ teamId: 'T0ACME0001', channelId: 'C0ACMEALRT', ts, actionId: 'alert_ack', userId: 'U0ACMEMEM1' });
    expect(result.status).toBe(200);
    const [req] = app.received;
    expect(req?.path).toBe('/api/slack/interactions');
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(hasValidSignature(req!, SECRETS.signingSecret)).toBe(true);
    expect(hasValidSignature(req!, 'another-secret')).toBe(false);
    const payload = payloadOf(req!);
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U0ACMEMEM1', username: 'alan', team_id: 'T0ACME0001' },
      team: { id: 'T0ACME0001', domain: 'acme-sandbox' },
      container: { type: 'message', message_ts: ts, channel_id: 'C0ACMEALRT', is_ephemeral: false },
      channel: { id: 'C0ACMEALRT', name: 'alerts' },
      message: { ts, text: 'Disk full on db-1' },
      actions: [{ action_id: 'alert_ack', block_id: 'alert_actions', value: 'alert-1', style: 'primary', type: 'button', text: { text: 'Acknowledge' } }],
      enterprise: null,
      is_enterprise_install: false,
    });
    const modal = { type: 'modal', title: { type: 'plain_text', text: 'Ack note' }, submit: { type: 'plain_text', text: 'Save' }, blocks: [] };
    expect((await api(emu, 'views.open', { trigger_id: String(payload.trigger_id), view: modal }, token)).body.ok).toBe(true);
    const replace = await fetch(String(payload.response_url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ replace_original: true, text: 'Acknowledged by alan' }) });
    expect(replace.status).toBe(200);
    expect(emu.state.messages('C0ACMEALRT')[0]?.text).toBe('Acknowledged by alan');
  });

  it('rejects a trigger_id older than 3 seconds', async () => {
    let clock = Date.now();
    const timed = await startTestEmulator({ now: () => clock });
    try {
      const bot = String(timed.state.install({ teamId: 'T0ACME0001' }).access_token);
      const trigger = timed.state.credentials.issueTrigger('T0ACME0001', 'U0ACMEOWN1');
      clock += 3_001;
      const modal = { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] };
      expect((await api(timed, 'views.open', { trigger_id: trigger, view: modal }, bot)).body.error).toBe('expired_trigger_id');
    } finally {
      await timed.close();
    }
  });

  it('clicks from the rendered channel page and shows a banner when the app fails', async () => {
    const ts = await postAlert();
    const page = await (await fetch(`${emu.url}/t/T0ACME0001/c/C0ACMEALRT?as=U0ACMEADM1`)).text();
    expect(page).toContain('<h3>Disk full on db-1</h3>');
    expect(page).toContain('<strong>Severity:</strong> <em>critical</em>');
    expect(page).toContain('<a href="https://runbooks.test/disk" target="_blank" rel="noreferrer">runbook</a>');
    expect(page).toContain('<code>df -h</code>');
    expect(page).toMatch(/<button type="submit" class="primary">Acknowledge<\/button>/);
    expect(page).toMatch(/<button type="submit" class="danger">Resolve<\/button>/);
    app.reply.status = 500;
    const click = await fetch(`${emu.url}/t/T0ACME0001/c/C0ACMEALRT/action`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ts, as: 'U0ACMEADM1', block_id: 'alert_actions', action_id: 'alert_resolve' }),
    });
    expect(click.status).toBe(302);
    const location = click.headers.get('location') ?? '';
    expect(payloadOf(app.received[0]!)).toMatchObject({ user: { id: 'U0ACMEADM1' }, actions: [{ action_id: 'alert_resolve' }] });
    const after = await (await fetch(`${emu.url}${location}`)).text();
    expect(after).toContain('The app answered HTTP 500');
  });

  it('shows “edited” after chat.update and threads replies under their parent', async () => {
    const ts = await postAlert();
    await api(emu, 'chat.update', { channel: 'C0ACMEALRT', ts, text: 'Acked', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Acked by <@U0ACMEOWN1>' } }] }, token);
    await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'a reply in thread', thread_ts: ts }, token);
    const page = await (await fetch(`${emu.url}/t/T0ACME0001/c/C0ACMEALRT`)).text();
    expect(page).toContain('(edited)');
    expect(page).toMatch(/<div class="thread"><article class="message"[^>]*>[\s\S]*a reply in thread/);
  });
});

describe('App Home and modals', () => {
  it('sends view block_actions from the Home tab and a view_submission with state values', async () => {
    const home = { type: 'home', blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'New route' }, action_id: 'open_route' }] }] };
    await api(emu, 'views.publish', { user_id: 'U0ACMEOWN1', view: home }, token);
    await emu.state.clickViewButton({ teamId: 'T0ACME0001', userId: 'U0ACMEOWN1', actionId: 'open_route' });
    const click = payloadOf(app.received[0]!);
    expect(click).toMatchObject({ type: 'block_actions', container: { type: 'view' }, view: { type: 'home' } });
    const modal = {
      type: 'modal',
      callback_id: 'route_modal',
      title: { type: 'plain_text', text: 'New route' },
      submit: { type: 'plain_text', text: 'Create' },
      blocks: [{ type: 'input', block_id: 'name', label: { type: 'plain_text', text: 'Name' }, element: { type: 'plain_text_input', action_id: 'name_input' } }],
    };
    await api(emu, 'views.open', { trigger_id: String(click.trigger_id), view: modal }, token);
    const pageHtml = await (await fetch(`${emu.url}/t/T0ACME0001/home/U0ACMEOWN1`)).text();
    expect(pageHtml).toContain('<label for="in-name">Name</label>');
    app.reply.body = JSON.stringify({ response_action: 'errors', errors: { name: 'Name taken' } });
    await emu.state.submitModal({ teamId: 'T0ACME0001', userId: 'U0ACMEOWN1', values: { name_input: 'prod' } });
    const submitted = app.received.find((req) => payloadOf(req).type === 'view_submission')!;
    const submission = payloadOf(submitted);
    expect(hasValidSignature(submitted, SECRETS.signingSecret)).toBe(true);
    expect(submission).toMatchObject({ type: 'view_submission', view: { callback_id: 'route_modal', state: { values: { name: { name_input: { type: 'plain_text_input', value: 'prod' } } } } } });
    expect(emu.state.openModal('T0ACME0001', 'U0ACMEOWN1')?.errors).toEqual({ name: 'Name taken' });
    app.reply.body = '';
    await emu.state.submitModal({ teamId: 'T0ACME0001', userId: 'U0ACMEOWN1', values: { name_input: 'prod-2' } });
    expect(emu.state.openModal('T0ACME0001', 'U0ACMEOWN1')).toBeUndefined();
  });
});

describe('the browser pages wait for what the app does after its ack', () => {
  const later = (work: () => Promise<unknown>) => () => void new Promise((resolve) => setTimeout(resolve, 50)).then(work);
  const modal = { type: 'modal', title: { type: 'plain_text', text: 'Resolve with note' }, submit: { type: 'plain_text', text: 'Resolve' }, blocks: [{ type: 'input', block_id: 'note', label: { type: 'plain_text', text: 'Note' }, element: { type: 'plain_text_input', action_id: 'note_input' } }] };

  it('a click whose app opens a modal right after answering lands on the page with the modal open', async () => {
    const ts = await postAlert();
    app.afterReply = (req) => later(() => api(emu, 'views.open', { trigger_id: String(payloadOf(req).trigger_id), view: modal }, token))();
    const page = await fetch(`${emu.url}/t/T0ACME0001/c/C0ACMEALRT/action`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ts, as: 'U0ACMEADM1', block_id: 'alert_actions', action_id: 'alert_resolve' }),
    });
    expect(await page.text()).toContain('<h2 id="modal-title">Resolve with note</h2>');
  });

  it('opening the Home tab sends app_home_opened and shows the view the app publishes for it', async () => {
    app.afterReply = (req) => {
      const body = JSON.parse(req.rawBody) as { event?: { type: string; user: string; tab: string } };
      if (body.event?.type !== 'app_home_opened') return;
      later(() => api(emu, 'views.publish', { user_id: body.event!.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Open alerts: 2' } }] } }, token))();
    };
    const page = await (await fetch(`${emu.url}/t/T0ACME0001/home/U0ACMEOWN1`)).text();
    expect(JSON.parse(app.received.at(-1)!.rawBody)).toMatchObject({ type: 'event_callback', event: { type: 'app_home_opened', user: 'U0ACMEOWN1', tab: 'home' } });
    expect(page).toContain('Open alerts: 2');
  });
});

describe('events and commands', () => {
  it('sends signed event_callback envelopes, with retry headers on retries', async () => {
    const first = await emu.state.sendEvent('T0ACME0001', { type: 'app_home_opened', user: 'U0ACMEOWN1', tab: 'home' });
    await emu.state.sendEvent('T0ACME0001', { type: 'app_home_opened', user: 'U0ACMEOWN1', tab: 'home' }, { retryNum: 1, retryReason: 'http_timeout', eventId: first.eventId });
    const [original, retry] = app.received;
    expect(original?.path).toBe('/api/slack/events');
    expect(original?.headers['content-type']).toBe('application/json');
    expect(hasValidSignature(original!, SECRETS.signingSecret)).toBe(true);
    expect(original?.headers['x-slack-retry-num']).toBeUndefined();
    const body = JSON.parse(original!.rawBody) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'event_callback',
      team_id: 'T0ACME0001',
      api_app_id: 'A0KLAXON01',
      event: { type: 'app_home_opened', user: 'U0ACMEOWN1' },
      authorizations: [{ team_id: 'T0ACME0001', user_id: 'U0ACMEBOT1', is_bot: true }],
      is_ext_shared_channel: false,
    });
    expect(String(body.event_id)).toMatch(/^Ev/);
    expect(retry?.headers['x-slack-retry-num']).toBe('1');
    expect(retry?.headers['x-slack-retry-reason']).toBe('http_timeout');
    expect((JSON.parse(retry!.rawBody) as { event_id: string }).event_id).toBe(body.event_id);
  });

  it('sends url_verification and signed slash commands', async () => {
    app.reply.body = '{"challenge":"abc"}';
    const verification = await emu.state.sendUrlVerification('abc');
    expect(verification.json).toEqual({ challenge: 'abc' });
    await emu.state.sendSlashCommand('T0ACME0001', 'U0ACMEMEM1', 'C0ACMEALRT', 'status');
    const command = app.received[1]!;
    expect(command.path).toBe('/api/slack/commands');
    expect(hasValidSignature(command, SECRETS.signingSecret)).toBe(true);
    expect(Object.fromEntries(new URLSearchParams(command.rawBody))).toMatchObject({ command: '/klaxon', text: 'status', user_id: 'U0ACMEMEM1', channel_name: 'alerts', team_domain: 'acme-sandbox' });
  });

  it('uninstall revokes tokens and sends app_uninstalled and tokens_revoked', async () => {
    await emu.state.uninstall('T0ACME0001');
    const types = app.received.map((r) => (JSON.parse(r.rawBody) as { event: { type: string } }).event.type);
    expect(types).toEqual(['app_uninstalled', 'tokens_revoked']);
    expect((JSON.parse(app.received[1]!.rawBody) as { event: object }).event).toMatchObject({ tokens: { bot: ['U0ACMEBOT1'] } });
    expect((await api(emu, 'auth.test', {}, token)).body.error).toBe('token_revoked');
  });

  it('accepts events through the control endpoint', async () => {
    const res = await fetch(`${emu.url}/_emulator/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ teamId: 'T0ACME0001', event: { type: 'channel_rename', channel: { id: 'C0ACMEOPS1', name: 'ops2' } } }) });
    expect(await res.json()).toMatchObject({ status: 200 });
    expect(app.received).toHaveLength(1);
  });
});
