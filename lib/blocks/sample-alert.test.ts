import { describe, expect, it } from 'vitest';
import { renderAlertBlocks } from './render-alert-blocks';
import { sampleAlert } from './sample-alert';
import { expectWithinSlackLimits } from './testing';

describe('sampleAlert', () => {
  it('uses the severity asked for and applies overrides', () => {
    const alert = sampleAlert('warning', { title: 'Custom', status: 'resolved' });
    expect(alert).toMatchObject({ severity: 'warning', title: 'Custom', status: 'resolved', eventType: 'deploy.failed' });
    expect(sampleAlert('info').severity).toBe('info');
  });

  it('fills every part of the default message', () => {
    const { blocks } = renderAlertBlocks(sampleAlert('error'), null, { dashboardUrl: 'https://k.example.com/w/T1' });
    expect(blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'section', 'context', 'actions']);
    expectWithinSlackLimits(blocks);
  });
});
