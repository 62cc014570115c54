import { describe, expect, it } from 'vitest';
import { groupSummary, renderGroupBlocks, type GroupContent } from './group-blocks';
import { expectWithinSlackLimits } from './testing';

const group: GroupContent = {
  key: 'event_type=disk.full',
  total: 14,
  byStatus: { triggered: 11, acknowledged: 2, resolved: 1 },
  worstOpen: 'critical',
  newest: Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, title: `<!channel> disk ${i} ${'x'.repeat(300)}`, severity: 'critical', status: i === 0 ? 'acknowledged' : 'triggered' })),
};

describe('renderGroupBlocks', () => {
  it('counts the members by state and lists the newest with Acknowledge while triggered', () => {
    expect(groupSummary(group)).toBe('14 alerts: 11 triggered, 2 acknowledged, 1 resolved');
    const { text, blocks } = renderGroupBlocks(group, 'https://klaxon.example.com/w/T1/alerts?group=g1');
    expect(text).toBe('disk.full — 14 alerts: 11 triggered, 2 acknowledged, 1 resolved');
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: '14 × disk.full' } });
    const buttons = blocks.flatMap((block) => ('accessory' in block && block.accessory?.type === 'button' ? [block.accessory] : []));
    expect(buttons.map((button) => [button.action_id, button.value])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`alert_acknowledge:group${i}`, `a${i}`]));
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(blocks)).toContain('…and 4 older alerts of this group');
    expect(JSON.stringify(blocks)).toContain('https://klaxon.example.com/w/T1/alerts?group=g1');
    expectWithinSlackLimits(blocks);
  });

  it('says resolved once no member is open', () => {
    const { text, blocks } = renderGroupBlocks({ ...group, total: 2, byStatus: { resolved: 2 }, worstOpen: null, newest: group.newest.slice(0, 2).map((a) => ({ ...a, status: 'resolved' })) }, 'https://x.example/');
    expect(text).toBe('Resolved — 2 alerts: 2 resolved');
    expect(blocks[0]).toMatchObject({ text: { text: 'Resolved: disk.full' } });
    expect(JSON.stringify(blocks)).toContain('all resolved');
    expect(JSON.stringify(blocks)).not.toContain('alert_acknowledge');
  });
});
