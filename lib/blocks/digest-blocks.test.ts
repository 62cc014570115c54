import { describe, expect, it } from 'vitest';
import { digestSummary, renderDigestBlocks, type DigestContent } from './digest-blocks';
import { expectWithinSlackLimits } from './testing';

const digest: DigestContent = {
  folded: 37,
  startedAt: new Date('2024-05-01T14:02:00Z'),
  lastFoldedAt: new Date('2024-05-01T14:06:00Z'),
  endedAt: null,
  bySeverity: { error: 7, critical: 30 },
  prefixes: [
    { prefix: 'deploy', count: 20 },
    { prefix: 'disk', count: 17 },
  ],
  newest: Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, title: `<!channel> disk ${i}`, severity: 'critical', eventType: 'disk.full', status: i === 0 ? 'acknowledged' : 'triggered' })),
};

describe('renderDigestBlocks', () => {
  it('summarises counts by severity (most severe first) and prefix', () => {
    expect(digestSummary(digest)).toBe('+37 more alerts since 14:02 UTC: 30 critical, 7 error — deploy.* ×20, disk.* ×17');
  });

  it('lists the five newest with Acknowledge while triggered, escaped, and links to the dashboard list', () => {
    const { text, blocks } = renderDigestBlocks(digest, 'https://klaxon.example.com/w/T1/alerts?digest=d1');
    expect(text).toContain('+37 more alerts');
    const sections = blocks.filter((block) => block.type === 'section');
    expect(sections).toHaveLength(6);
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    const buttons = sections.flatMap((block) => ('accessory' in block && block.accessory?.type === 'button' ? [block.accessory] : []));
    expect(buttons.map((button) => [button.action_id, button.value])).toEqual([1, 2, 3, 4].map((i) => [`alert_acknowledge:digest${i}`, `a${i}`]));
    expect(JSON.stringify(blocks)).toContain('https://klaxon.example.com/w/T1/alerts?digest=d1');
    expectWithinSlackLimits(blocks);
  });

  it('says when the storm is over', () => {
    const { text, blocks } = renderDigestBlocks({ ...digest, endedAt: new Date('2024-05-01T14:07:00Z') }, 'https://x.example/');
    expect(text).toMatch(/^Alert storm over/);
    expect(JSON.stringify(blocks)).toContain('Storm over at 14:07 UTC: 37 alerts folded from 14:02 to 14:06 UTC');
  });
});
