import { expect, test } from '@playwright/test';

test('GET /api/health answers 200 when the app and its database are up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
});

test('an unknown API path is a 404 with a JSON error, for any method, not the HTML page', async ({ request }) => {
  for (const method of ['GET', 'POST', 'DELETE']) {
    const response = await request.fetch('/api/does-not-exist', { method });
    expect(response.status(), method).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  }
});

// Under `npm start` POSTs to intake and Slack's endpoints are answered by node:http in front of Next
// (lib/http/node-route.ts); every other method on those paths reaches Next's route module: both answer JSON.
test('a wrong method on a known API path is a 405 with Allow and a JSON error, whichever server answers', async ({ request }) => {
  for (const [method, path, allow] of [
    ['PUT', '/api/v1/alerts', 'GET, POST, HEAD, OPTIONS'],
    ['DELETE', '/api/v1/alerts', 'GET, POST, HEAD, OPTIONS'],
    ['GET', '/api/slack/events', 'POST, OPTIONS'],
    ['PUT', '/api/v1/integrations/pagerduty/v2/enqueue', 'POST, OPTIONS'],
    ['POST', '/api/health', 'GET, HEAD, OPTIONS'],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()['allow']).toBe(allow);
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  }
  const intake = await request.post('/api/v1/alerts', { data: {} });
  expect(intake.status()).toBe(401);
  expect(await intake.json()).toMatchObject({ error: { code: 'unauthorized' } });
});
