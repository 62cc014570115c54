// Puts the benchmark workspace in place through the product's own HTTP API: Add to Slack (consent in the
// emulator), an API key, and routes.
import type { BenchApp } from './bench-app';
import { TEAM } from './bench-app';

function cookieOf(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const index = pair!.indexOf('=');
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

type Reachable = Pick<BenchApp, 'url'>;

/** setUpWorkspace installs Klaxon in a workspace (default TEAM) and returns an API key and a signed-in session cookie. */
export async function setUpWorkspace(bench: Reachable, team = TEAM): Promise<{ key: string; cookie: string }> {
  const jar = new Map<string, string>();
  const start = await fetch(`${bench.url}/api/slack/install`, { redirect: 'manual' });
  cookieOf(start, jar);
  const consent = new URL(start.headers.get('location')!);
  const form = new URLSearchParams(consent.searchParams);
  form.set('team', team);
  form.set('decision', 'allow');
  const approved = await fetch(`${consent.origin}${consent.pathname}`, { method: 'POST', body: form, redirect: 'manual' });
  const callback = await fetch(approved.headers.get('location')!, { headers: { cookie: header(jar) }, redirect: 'manual' });
  if (callback.status !== 303) throw new Error(`install failed: ${callback.status} ${callback.headers.get('location')}`);
  cookieOf(callback, jar);
  const cookie = header(jar);
  return { key: await createApiKey(bench, cookie, 'bench'), cookie };
}

/** createApiKey makes another API key of the signed-in workspace. */
export async function createApiKey(bench: Reachable, cookie: string, name: string): Promise<string> {
  const created = await fetch(`${bench.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { cookie, origin: bench.url, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (created.status !== 201) throw new Error(`API key failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { key: string }).key;
}

/** addRoute creates a routing rule through the REST API. */
export async function addRoute(bench: Reachable, key: string, route: { name: string; event_types: string[]; severities: string[]; channels: string[]; storm_limit?: number }) {
  const response = await fetch(`${bench.url}/api/v1/routes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(route),
  });
  if (response.status !== 201) throw new Error(`route failed: ${response.status} ${await response.text()}`);
}
