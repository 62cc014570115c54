import { describe, expect, it } from 'vitest';
import { templateInputSchema, templatePreviewSchema } from './template';
import { parseFailure } from './testing';

const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*{{title}}*' } }];

describe('templateInputSchema', () => {
  it('accepts valid blocks', () => {
    expect(templateInputSchema.parse({ name: 'Compact', blocks })).toEqual({ name: 'Compact', blocks });
  });

  it('reports template errors at their place under blocks', () => {
    const failure = parseFailure(templateInputSchema, {
      name: 'Bad',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: '{{titel}}' } }],
    });
    expect(failure.details.map((detail) => detail.field)).toEqual(['blocks.0.text.text']);
    expect(failure.message).toMatch(/^blocks \(the 1st block\) text\.text: unknown placeholder \{\{titel\}\}/);
  });

  it('requires blocks', () => {
    expect(parseFailure(templateInputSchema, { name: 'x' }).message).toBe('blocks: must be an array of blocks');
  });
});

describe('templatePreviewSchema', () => {
  it('defaults the severity and camelCases the sample alert', () => {
    expect(templatePreviewSchema.parse({ alert: { event_type: 'db.down', occurrences: 4 } })).toEqual({
      severity: 'critical',
      alert: { eventType: 'db.down', occurrences: 4 },
    });
    expect(templatePreviewSchema.parse({ template_id: 't1', severity: 'info' })).toEqual({ templateId: 't1', severity: 'info' });
  });

  it('refuses blocks and template_id together, and unknown alert keys', () => {
    expect(parseFailure(templatePreviewSchema, { blocks, template_id: 't1' }).message).toBe(
      'template_id: give either blocks or template_id, not both',
    );
    expect(parseFailure(templatePreviewSchema, { alert: { id: 'x' } }).message).toBe('alert.id: is not a known field');
  });
});
