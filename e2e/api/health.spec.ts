import { expect, test } from '@playwright/test';

test('GET /api/health answers 200 when the app and its database are up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
});

test('an unknown API path is a 404, not a 500', async ({ request }) => {
  const response = await request.get('/api/does-not-exist');
  expect(response.status()).toBe(404);
});
