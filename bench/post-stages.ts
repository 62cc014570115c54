// Reads the app's klaxon_post_stage_seconds histogram (GET /api/metrics) before and after a run and says,
// per stage, the mean and the p99 (the upper bound of the bucket holding it) of the first posts in between.
import type { BenchApp } from './bench-app';

type Series = Map<string, { buckets: Map<number, number>; sum: number; count: number }>;

/** scrapePostStages reads the histogram; null when the app serves no metrics. */
export async function scrapePostStages(bench: BenchApp): Promise<Series | null> {
  const response = await fetch(`${bench.url}/api/metrics`, { headers: { authorization: `Bearer ${bench.metricsToken}` } });
  if (!response.ok) return null;
  const series: Series = new Map();
  const entry = (stage: string) => {
    if (!series.has(stage)) series.set(stage, { buckets: new Map(), sum: 0, count: 0 });
    return series.get(stage)!;
  };
  for (const line of (await response.text()).split('\n')) {
    const match = /^klaxon_post_stage_seconds_(bucket|sum|count)\{(.*)\} ([\d.e+-]+|\+Inf)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const value = Number(match[3]);
    const stage = entry(labels.stage!);
    if (match[1] === 'bucket') stage.buckets.set(labels.le === '+Inf' ? Infinity : Number(labels.le), value);
    else if (match[1] === 'sum') stage.sum = value;
    else stage.count = value;
  }
  return series;
}

/** stageBreakdown describes the posts between two scrapes, stage by stage. */
export function stageBreakdown(before: Series | null, after: Series | null): string | null {
  if (!before || !after) return null;
  const parts: string[] = [];
  for (const stage of ['queued', 'claim', 'prepare', 'slack', 'record']) {
    const a = after.get(stage);
    if (!a) continue;
    const b = before.get(stage) ?? { buckets: new Map<number, number>(), sum: 0, count: 0 };
    const count = a.count - b.count;
    if (count <= 0) continue;
    const mean = ((a.sum - b.sum) / count) * 1000;
    const bounds = [...a.buckets.keys()].sort((x, y) => x - y);
    const p99 = bounds.find((le) => a.buckets.get(le)! - (b.buckets.get(le) ?? 0) >= 0.99 * count) ?? Infinity;
    parts.push(`${stage} ${mean.toFixed(2)} / ≤${Number.isFinite(p99) ? (p99 * 1000).toFixed(1) : '∞'} ms`);
  }
  return parts.join(', ');
}
