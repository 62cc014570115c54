// Where the milliseconds of a first post go, from the alert accepted to Slack's answer: a histogram per
// stage, so `npm run bench` (and an operator) can see which one grows. Only first attempts are observed:
// a post that waited for its channel's slot measures pacing, not the pipeline.
import client from 'prom-client';
import { metrics } from '../metrics';
import { processWide } from '../process-wide';

/** PostStage is one stage of a post: waiting to be claimed, the claim, rendering, the Slack call, recording. */
export type PostStage = 'queued' | 'claim' | 'prepare' | 'slack' | 'record';

const histogram = processWide(
  'postStages',
  () =>
    new client.Histogram({
      name: 'klaxon_post_stage_seconds',
      help: 'Time of each stage of a first post: queued (accepted → claim started), claim, prepare (token, render), slack (chat.postMessage), record.',
      labelNames: ['stage'] as const,
      buckets: [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [metrics().registry],
    }),
);

/** observePostStage records how long one stage of a first post took, in milliseconds. */
export function observePostStage(stage: PostStage, ms: number): void {
  histogram.observe({ stage }, ms / 1000);
}
