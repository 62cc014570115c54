import { expect, test } from '@playwright/test';
import { EMULATOR_URL } from '../support/ports';
import { GLOBEX } from '../support/slack-ui';

test('Slack requests with a bad signature are refused with 401 and change nothing', async ({ request }) => {
  const body = JSON.stringify({ type: 'event_callback', team_id: GLOBEX.id, event_id: 'EvFORGED', event_time: 1, event: { type: 'app_uninstalled' } });
  const response = await request.post('/api/slack/events', {
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': `v0=${'0'.repeat(64)}` },
    data: body,
  });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
});

test('the events URL answers the url_verification challenge', async ({ request }) => {
  const answer = await request.post(`${EMULATOR_URL}/_emulator/url_verification`, { data: { challenge: 'c-123' } });
  expect(answer.ok()).toBe(true);
  expect(await answer.json()).toMatchObject({ status: 200, json: { challenge: 'c-123' } });
});
