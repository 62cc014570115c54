// Calls a route handler the way Next does, with an API key or a session's cookies, and reads its JSON answer.
import { env } from '@/lib/env';
import type { CookieJar } from './slack-sandbox';

/** Handler is a route handler as the app exports it. */
export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** ApiAnswer is a handler's status, headers and parsed JSON body. */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  json: Record<string, unknown> & { error?: { code: string; message: string; details?: Array<{ field: string; message: string }> } };
}

/** callApi sends one request to `handler`. */
export async function callApi(
  handler: unknown,
  path: string,
  init: { key?: string; jar?: CookieJar; method?: string; body?: unknown; params?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  if (init.jar) headers.set('origin', env().appUrl);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const url = `${env().appUrl}${path}`;
  const request = init.jar ? init.jar.request(url, { method: init.method ?? 'GET', headers, body }) : new Request(url, { method: init.method ?? 'GET', headers, body });
  const response = await (handler as Handler)(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : {}) as ApiAnswer['json'] };
}
