// Real records for the fuzzer's paths with ids: a route, a template and a few alerts, made through the API.
import type { FuzzContext } from './requests';

async function post(url: string, key: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** seedRecords creates the records and returns their ids. */
export async function seedRecords(appUrl: string, key: string, channel: string): Promise<FuzzContext['ids']> {
  // Names are unique per call: a workspace may be seeded more than once.
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const route = await post(`${appUrl}/api/v1/routes`, key, { name: `fuzz ${run}`, event_types: ['fuzz.*'], severities: ['critical', 'error', 'warning', 'info'], channels: [channel] });
  const template = await post(`${appUrl}/api/v1/templates`, key, { name: `fuzz ${run}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*{{title}}* {{severity}}' } }] });
  const alerts: string[] = [];
  for (let i = 0; i < 3; i += 1) alerts.push((await post(`${appUrl}/api/v1/alerts`, key, { event_type: 'fuzz.seed', severity: 'warning', title: `Fuzz seed ${i}`, dedup_key: `fuzz-seed-${run}-${i}` })).id);
  return { alert: alerts, route: [route.id], template: [template.id] };
}
