// Every answer under /api/ is the API's JSON error when no endpoint serves the request: each route module
// answers the methods it does not serve with 405, `Allow` and JSON (Next's own 405 has an empty body), and
// app/api/[...path] answers 404 JSON for any unknown path and method (Next's is the HTML page).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as unknownPath from '@/app/api/[...path]/route';
import * as events from '@/app/api/slack/events/route';
import * as alerts from '@/app/api/v1/alerts/route';
import { API_METHODS } from '@/lib/http/other-methods';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const API_DIR = path.resolve(import.meta.dirname, '../../app/api');

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

const call = (handler: Handler, method: string, urlPath: string) =>
  handler(new Request(`http://localhost:3000${urlPath}`, { method }), { params: Promise.resolve({ id: 'x', path: 'x' }) });

const files = routeFiles(API_DIR).filter((file) => !file.includes('[...path]'));

describe('methods a route does not serve', () => {
  it.each(files.map((file) => [path.relative(API_DIR, file), file]))('%s exports every API method, so Next never answers an empty 405', async (_, file) => {
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of API_METHODS) expect(typeof module[method], method).toBe('function');
  });

  it('answer 405 with Allow naming the methods served and a JSON error', async () => {
    const response = await call(alerts.PUT, 'PUT', '/api/v1/alerts');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.json()).toEqual({ error: { code: 'method_not_allowed', message: 'PUT is not allowed here; use GET, POST, HEAD, OPTIONS.' } });

    const get = await call(events.GET, 'GET', '/api/slack/events');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('an unknown path under /api/', () => {
  it.each(API_METHODS)('answers %s with 404 JSON', async (method) => {
    const response = await call(unknownPath[method], method, '/api/v2/nothing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No API endpoint at /api/v2/nothing; see /api/v1/openapi.json.' } });
  });
});
