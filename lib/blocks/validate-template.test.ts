import { describe, expect, it } from 'vitest';
import { validateTemplate } from './validate-template';

const good = [
  { type: 'header', block_id: 'top', text: { type: 'plain_text', text: '{{title}}', emoji: true } },
  {
    type: 'section',
    text: { type: 'mrkdwn', text: '*{{severity}}* {{description}}', verbatim: false },
    fields: [{ type: 'mrkdwn', text: '*Region*\n{{fields.region}}' }],
    accessory: { type: 'button', text: { type: 'plain_text', text: 'Runbook' }, url: 'https://wiki.example.com/{{event_type}}' },
  },
  { type: 'divider' },
  { type: 'context', elements: [{ type: 'mrkdwn', text: '{{links}} · {{occurrences}} · {{status}} · {{source}}' }, { type: 'image', image_url: 'https://e.com/i.png', alt_text: 'logo' }] },
  { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open' }, url: '{{dashboard_url}}', action_id: 'open_dash', style: 'primary' }] },
  { type: 'image', image_url: 'https://e.com/graph.png', alt_text: 'graph', title: { type: 'plain_text', text: 'CPU' } },
];

function errorsOf(blocks: unknown) {
  const result = validateTemplate(blocks);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.errors;
}

describe('validateTemplate', () => {
  it('accepts every supported block type and placeholder', () => {
    expect(validateTemplate(good)).toEqual({ ok: true, blocks: good });
  });

  it("accepts Block Kit Builder's { blocks } wrapper", () => {
    expect(validateTemplate({ blocks: good })).toEqual({ ok: true, blocks: good });
  });

  it('names unknown placeholders where they are, wherever the string is', () => {
    const errors = errorsOf([
      { type: 'section', text: { type: 'mrkdwn', text: 'Hi {{titel}} {{ title }}' } },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, url: 'https://e.com/{{host}}' }] },
    ]);
    expect(errors.map((error) => error.path)).toEqual(['/blocks/0/text/text', '/blocks/1/elements/0/url']);
    expect(errors[0]?.message).toMatch(/^unknown placeholder \{\{titel\}\}; known ones are \{\{title\}\}, /);
    expect(errors[1]?.message).toContain('{{host}}');
  });

  it.each([
    [[{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }], '/blocks/0/text/type', /plain_text/],
    [[{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }], '/blocks/0/text/text', /at most 150/],
    [[{ type: 'header', text: { type: 'plain_text', text: '' } }], '/blocks/0/text/text', /must not be empty/],
    [[{ type: 'section' }], '/blocks/0', /needs "text", "fields"/],
    [[{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) }], '/blocks/0/fields', /at most 10/],
    [[{ type: 'section', text: 'plain string' }], '/blocks/0/text', /text object/],
    [[{ type: 'context', elements: [] }], '/blocks/0/elements', /non-empty/],
    [[{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) }], '/blocks/0/elements', /at most 10/],
    [[{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, action_id: 'alert_resolve' }] }], '/blocks/0/elements/0/action_id', /reserved/],
    [[{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x'.repeat(76) } }] }], '/blocks/0/elements/0/text/text', /at most 75/],
    [[{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, url: 'javascript:alert(1)' }] }], '/blocks/0/elements/0/url', /http/],
    [[{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, style: 'green' }] }], '/blocks/0/elements/0/style', /primary/],
    [[{ type: 'actions', elements: [{ type: 'static_select' }] }], '/blocks/0/elements/0/type', /button/],
    [[{ type: 'divider', block_id: 'klaxon_x' }], '/blocks/0/block_id', /reserved/],
    [[{ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }], '/blocks/1/block_id', /another block/],
    [[{ type: 'divider', colour: 'red' }], '/blocks/0/colour', /not a property of a divider block/],
    [[{ type: 'video' }], '/blocks/0/type', /header, section, divider, context, actions, image/],
    [['divider'], '/blocks/0', /must be a block/],
    [[{ type: 'image', alt_text: 'x' }], '/blocks/0/image_url', /is required/],
    [[], '/blocks', /at least one block/],
    ['nope', '/blocks', /array of blocks/],
  ])('refuses a bad template (%#)', (blocks, path, message) => {
    const errors = errorsOf(blocks);
    expect(errors[0]?.path).toBe(path);
    expect(errors[0]?.message).toMatch(message);
  });

  it('counts only literal text against the limits, since values are truncated when rendered', () => {
    const header = (text: string) => [{ type: 'header', text: { type: 'plain_text', text } }];
    expect(validateTemplate(header(`${'x'.repeat(150)}{{title}}`)).ok).toBe(true);
    expect(validateTemplate(header(`${'x'.repeat(151)}{{title}}`)).ok).toBe(false);
  });

  it('leaves room for the alert buttons: at most 49 blocks', () => {
    const dividers = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    expect(validateTemplate(dividers(49)).ok).toBe(true);
    expect(errorsOf(dividers(50))[0]?.message).toMatch(/at most 49 blocks/);
  });
});
