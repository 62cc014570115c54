// Issue 11, item 8: Alertmanager notifications of 50 alerts each (every fingerprint unique, as in an alert storm)
// from 32 concurrent senders, into the app as `npm start` runs it (worker in process). Target ≥ 10,000 alerts/s with
// p99 < 250 ms per notification, and every alert committed before its 200: the alerts counted in the database
// afterwards must cover every accepted notification.
import type autocannon from 'autocannon';
import type pg from 'pg';
import type { BenchApp } from './bench-app';
import { runLoad, sleep } from './load';

/** AM_EVENT_TYPE is the alertname (so the event type) of the scenario's alerts; one route sends them to one channel. */
export const AM_EVENT_TYPE = 'bench.alertmanager';
const ALERTS_PER_NOTIFICATION = 50;
const SENDERS = 32;

type Record = (scenario: string, measured: string, target: string, pass: boolean | null) => void;

// Each request is a new notification whose 50 alerts have fingerprints never sent before.
function notifications(): autocannon.Request[] {
  const run = `${process.pid}-${Date.now()}`;
  let n = 0;
  const alert = (fingerprint: string, i: number) =>
    `{"status":"firing","labels":{"alertname":"${AM_EVENT_TYPE}","severity":"critical","instance":"node-${i}:9100","job":"node"},"annotations":{"summary":"Disk almost full on node-${i}","description":"Less than 5% left on /."},"startsAt":"2026-12-03T10:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.example.com/graph?g0.expr=disk","fingerprint":"${fingerprint}"}`;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        n += 1;
        const alerts = Array.from({ length: ALERTS_PER_NOTIFICATION }, (_, i) => alert(`${run}-${n}-${i}`, i)).join(',');
        const body = `{"version":"4","groupKey":"{}:{alertname=\\"${AM_EVENT_TYPE}\\"}","truncatedAlerts":0,"status":"firing","receiver":"klaxon","groupLabels":{"alertname":"${AM_EVENT_TYPE}"},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager.example.com","alerts":[${alerts}]}`;
        return { ...request, body };
      },
    },
  ];
}

/**
 * alertmanagerIntake runs the scenario: a warm-up, then the measured run (BENCH_AM_SECONDS, default 20 s; a smoke
 * run may shorten it), then a check that every accepted alert is committed.
 */
export async function alertmanagerIntake(bench: BenchApp, key: string, db: pg.Client, record: Record): Promise<void> {
  const seconds = Number(process.env.BENCH_AM_SECONDS ?? 20);
  const warmUp = Math.min(5, Math.max(1, Math.round(seconds / 4)));
  console.log(`\n7. Alertmanager intake: notifications of ${ALERTS_PER_NOTIFICATION} unique alerts from ${SENDERS} concurrent senders, ${seconds} s (after ${warmUp} s warm-up), worker in process`);
  const options = { url: `${bench.url}/api/v1/integrations/alertmanager`, method: 'POST' as const, connections: SENDERS, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } };
  // One notification first: it must be accepted (else the run would measure refusals), and it warms the path.
  const [probe] = notifications();
  const answer = await fetch(options.url, { method: 'POST', headers: options.headers, body: (probe!.setupRequest as (request: object) => { body: string })({}).body });
  if (answer.status !== 200) throw new Error(`the Alertmanager endpoint answered ${answer.status}: ${await answer.text()}`);
  await runLoad({ ...options, duration: warmUp, requests: notifications() });
  await sleep(1000);
  const count = async () => Number((await db.query<{ count: string }>('SELECT count(*) FROM alerts WHERE event_type = $1', [AM_EVENT_TYPE])).rows[0]!.count);
  const before = await count();
  const result = await runLoad({ ...options, duration: seconds, requests: notifications() });
  const committed = (await count()) - before;
  const accepted = result.ok * ALERTS_PER_NOTIFICATION;
  const alertsPerSecond = result.requestsPerSecond * ALERTS_PER_NOTIFICATION;
  // Notifications still in flight when the clock stops are committed but not counted: at most one per sender.
  const lost = committed < accepted || committed - accepted > SENDERS * ALERTS_PER_NOTIFICATION || result.failed > 0;
  console.log(`  ${Math.round(result.requestsPerSecond)} notifications/s = ${Math.round(alertsPerSecond)} alerts/s, p50 ${result.p50} ms, p99 ${result.p99} ms; ${accepted} alerts accepted, ${committed} committed, ${result.failed} failed`);
  record(
    'Alertmanager intake (50 unique alerts per notification, 32 senders)',
    `${Math.round(alertsPerSecond)} alerts/s, p99 ${result.p99} ms per notification; ${lost ? 'LOST or failed' : '0 lost'} (${accepted} accepted, ${committed} committed)`,
    '≥ 10,000 alerts/s, p99 < 250 ms, 0 lost',
    alertsPerSecond >= 10_000 && result.p99 < 250 && !lost,
  );
  // One channel could only take these at Slack's pace (hours): drop them so later scenarios start idle.
  await db.query("UPDATE deliveries SET state = 'dead', last_error = 'bench: discarded' WHERE state IN ('pending', 'failed') AND alert_id IN (SELECT id FROM alerts WHERE event_type = $1)", [AM_EVENT_TYPE]);
  await db.query('VACUUM ANALYZE deliveries, alerts, alert_activity');
}
