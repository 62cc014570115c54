import { describe, expect, it } from 'vitest';
import type { ActionsBlock, Block, TemplateBlocks } from './block-kit';
import { renderAlertBlocks } from './render-alert-blocks';
import { sampleAlert } from './sample-alert';
import { expectWithinSlackLimits } from './testing';

const options = { dashboardUrl: 'https://klaxon.example.com/w/T1/' };
const alert = sampleAlert('critical', { id: 'a1', occurrences: 1, description: 'Disk at 95% & rising <fast>' });

function actionsOf(blocks: Block[]): ActionsBlock {
  const last = blocks.at(-1);
  if (last?.type !== 'actions') throw new Error('the last block is not the actions block');
  return last;
}

function allText(blocks: Block[]): string {
  return JSON.stringify(blocks);
}

describe('renderAlertBlocks with the default layout', () => {
  it('renders header, description, fields, links and context, with the buttons last', () => {
    const { text, blocks } = renderAlertBlocks(alert, null, options);
    expect(text).toBe('[CRITICAL] Deploy of checkout-api to production failed');
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '🔴 Deploy of checkout-api to production failed', emoji: true },
    });
    expect(blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Disk at 95% &amp; rising &lt;fast&gt;' } });
    const fields = blocks[2]?.type === 'section' ? blocks[2].fields?.map((field) => field.text) : [];
    expect(fields).toEqual([
      '*Severity*\ncritical',
      '*Event type*\ndeploy.failed',
      '*Source*\nci.example.com',
      '*service*\ncheckout-api',
      '*environment*\nproduction',
      '*version*\nv2.14.0',
      '*failed pods*\n3',
    ]);
    expect(allText(blocks)).toContain('<https://ci.example.com/builds/4812|Build log> · <https://wiki.example.com/runbooks/deploys|Runbook>');
    // The source shows once, as a field, not again in the context line.
    expect(allText(blocks)).toContain('*Source*\\nci.example.com');
    expect(allText(blocks)).not.toContain('Source: ');
    expect(blocks.find((block) => block.type === 'context')).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '<!date^1714571880^{date_short_pretty} {time}|2024-05-01 13:58 UTC>' }],
    });
    expect(allText(blocks)).not.toContain('Seen');
    expectWithinSlackLimits(blocks);
  });

  it.each([
    ['critical', '🔴'],
    ['error', '🟠'],
    ['warning', '🟡'],
    ['info', '🔵'],
  ] as const)('marks %s with %s', (severity, emoji) => {
    const { blocks } = renderAlertBlocks(sampleAlert(severity), null, options);
    expect(blocks[0]?.type === 'header' && blocks[0].text.text.startsWith(`${emoji} `)).toBe(true);
  });

  it('counts repeated occurrences with the last time seen', () => {
    const { blocks } = renderAlertBlocks({ ...alert, occurrences: 3 }, null, options);
    expect(allText(blocks)).toContain('Seen 3 times, last at <!date^1714572120^{date_short_pretty} {time}|2024-05-01 14:02 UTC>');
  });

  it('offers Acknowledge, Resolve, Add responders, Snooze, Resolve with note and Silence on a triggered alert, each carrying the alert id', () => {
    const actions = actionsOf(renderAlertBlocks(alert, null, options).blocks);
    expect(actions.block_id).toBe('klaxon_actions');
    const buttons = actions.elements.filter((element) => element.type === 'button');
    expect(actions.elements.map((element) => [element.action_id, element.type === 'button' ? element.text.text : element.placeholder.text, element.type === 'button' ? element.style : undefined])).toEqual([
      ['alert_acknowledge', 'Acknowledge', 'primary'],
      ['alert_resolve', 'Resolve', 'danger'],
      ['alert_add_responders', 'Add responders…', undefined],
      ['alert_snooze', 'Snooze 1h', undefined],
      ['alert_snooze_for', 'Snooze for…', undefined],
      ['alert_resolve_with_note', 'Resolve with note…', undefined],
      ['alert_silence', 'Silence 1h', undefined],
      ['alert_open', 'View in Klaxon', undefined],
    ]);
    expect(buttons.every((button) => button.value === 'a1')).toBe(true);
    expect(buttons.at(-1)?.url).toBe('https://klaxon.example.com/w/T1/alerts/a1');
    const menu = actions.elements.find((element) => element.type === 'static_select');
    expect(menu?.options.map((option) => [option.text.text, option.value])).toEqual([
      ['30 minutes', 'a1|30m'],
      ['1 hour', 'a1|1h'],
      ['4 hours', 'a1|4h'],
      ['Until 09:00 tomorrow', 'a1|tomorrow'],
    ]);
  });

  it('shows who acknowledged, and the buttons of an acknowledged alert', () => {
    const acked = { ...alert, status: 'acknowledged' as const, acknowledgedBy: { slackUserId: 'U123', name: 'ana', at: new Date('2024-05-01T14:02:30Z') } };
    const { blocks } = renderAlertBlocks(acked, null, options);
    expect(allText(blocks)).toContain('Acknowledged by <@U123> at <!date^1714572150^{date_short_pretty} {time}|2024-05-01 14:02 UTC>');
    expect(actionsOf(blocks).elements.map((button) => button.action_id)).toEqual([
      'alert_resolve',
      'alert_resolve_with_note',
      'alert_add_responders',
      'alert_snooze',
      'alert_snooze_for',
      'alert_silence',
      'alert_open',
    ]);
  });

  it('shows who resolved (by name when not a Slack user), and offers only Reopen', () => {
    const resolved = { ...alert, status: 'resolved' as const, resolvedBy: { name: 'api key <ci>', at: new Date('2024-05-01T09:05:00Z') } };
    const { blocks } = renderAlertBlocks(resolved, null, options);
    expect(allText(blocks)).toContain('Resolved by api key &lt;ci&gt; at <!date^1714554300^{date_short_pretty} {time}|2024-05-01 09:05 UTC>');
    expect(actionsOf(blocks).elements.map((button) => button.action_id)).toEqual(['alert_reopen', 'alert_open']);
  });

  it('escapes values so an alert cannot ping a channel', () => {
    const { text, blocks } = renderAlertBlocks({ ...alert, title: '<!channel> down', fields: { '<b>': '<!here>' } }, null, options);
    expect(text).toBe('[CRITICAL] &lt;!channel&gt; down');
    // plain_text is shown as typed, never parsed for mentions: only the mrkdwn needs escaping.
    expect(blocks[0]?.type === 'header' && blocks[0].text.text).toBe('🔴 <!channel> down');
    expect(allText(blocks.slice(1))).not.toMatch(/<!(channel|here)>/);
    expect(allText(blocks)).toContain('*&lt;b&gt;*\\n&lt;!here&gt;');
  });

  it('stays within every limit whatever the alert holds', () => {
    const huge = {
      ...alert,
      title: '🔥'.repeat(5_000),
      description: '<&>'.repeat(10_000),
      source: 's'.repeat(5_000),
      fields: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`field ${i} ${'n'.repeat(200)}`, '&'.repeat(3_000)])),
      links: Array.from({ length: 40 }, (_, i) => ({ text: 't'.repeat(200), url: `https://e.com/${i}/${'p'.repeat(2_900)}` })),
    };
    const { text, blocks } = renderAlertBlocks(huge, null, options);
    expectWithinSlackLimits(blocks);
    expect(text.length).toBeLessThanOrEqual(3_000);
    // 63 fields → 7 sections of at most 10.
    expect(blocks.filter((block) => block.type === 'section' && block.fields).length).toBe(7);
    expect(actionsOf(blocks).block_id).toBe('klaxon_actions');
  });

  it('is deterministic', () => {
    expect(renderAlertBlocks(alert, null, options)).toEqual(renderAlertBlocks(alert, null, options));
  });
});

describe('renderAlertBlocks with a template', () => {
  const template: TemplateBlocks = [
    { type: 'header', text: { type: 'plain_text', text: '{{severity}}: {{title}}' } },
    { type: 'section', text: { type: 'mrkdwn', text: '*Region:* {{fields.region}} · {{ links }} · <{{dashboard_url}}|open>{{nope}}' } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: '{{event_type}} ×{{occurrences}} ({{status}}) {{source}}' }] },
  ];

  it('fills placeholders, escaping values in mrkdwn only, and keeps the template markup', () => {
    const withValues = { ...alert, title: 'A & B', fields: { region: '<eu>' }, links: [{ text: 'x&y', url: 'https://e.com/?a=1&b=2' }] };
    const { blocks } = renderAlertBlocks(withValues, template, options);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'critical: A & B' } });
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Region:* &lt;eu&gt; · <https://e.com/?a=1&amp;b=2|x&amp;y> · <https://klaxon.example.com/w/T1/alerts/a1|open>' },
    });
    expect(blocks[2]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'deploy.failed ×1 (triggered) ci.example.com' }] });
    expect(actionsOf(blocks).elements[0]?.action_id).toBe('alert_acknowledge');
  });

  it('does not substitute placeholders found inside values', () => {
    const { blocks } = renderAlertBlocks({ ...alert, title: '{{description}}' }, template, options);
    expect(blocks[0]?.type === 'header' && blocks[0].text.text).toBe('critical: {{description}}');
  });

  it('drops blocks that render empty and buttons whose URL is not valid', () => {
    const sparse: TemplateBlocks = [
      { type: 'section', text: { type: 'mrkdwn', text: '{{description}}' } },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open' }, url: '{{fields.url}}' }] },
    ];
    const { blocks } = renderAlertBlocks({ ...alert, description: '', fields: { url: 'not a url' } }, sparse, options);
    expect(blocks.map((block) => block.type)).toEqual(['actions']);
  });

  it('keeps 50 blocks at most, with the status line and the buttons last', () => {
    const long = Array.from({ length: 80 }, (_, i): Block => ({ type: 'section', block_id: 'same', text: { type: 'mrkdwn', text: `{{title}} ${i}` } }));
    const acked = { ...alert, status: 'acknowledged' as const, acknowledgedBy: { slackUserId: 'U1', name: 'x', at: alert.occurredAt } };
    const { blocks } = renderAlertBlocks(acked, long, options);
    expect(blocks).toHaveLength(50);
    expectWithinSlackLimits(blocks);
    expect(JSON.stringify(blocks.at(-3))).toContain('more blocks not shown');
    expect(JSON.stringify(blocks.at(-2))).toContain('Acknowledged by <@U1>');
    expect(blocks.at(-1)?.block_id).toBe('klaxon_actions');
  });

  it("renames a template block id that collides with Klaxon's", () => {
    const clash: TemplateBlocks = [{ type: 'divider', block_id: 'klaxon_actions' }];
    const { blocks } = renderAlertBlocks(alert, clash, options);
    expect(blocks.map((block) => block.block_id)).toEqual(['klaxon_actions_2', 'klaxon_actions']);
  });

  it("drops template buttons that would pose as Klaxon's and properties Slack would refuse", () => {
    const sneaky = [
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Ack' }, action_id: 'alert_acknowledge', value: 'other' }] },
      { type: 'divider', colour: 'red' },
    ] as unknown as TemplateBlocks;
    const { blocks } = renderAlertBlocks(alert, sneaky, options);
    expect(blocks.slice(0, -1)).toEqual([{ type: 'divider' }]);
  });

  it('falls back to the default layout when the stored template is not an array', () => {
    const { blocks } = renderAlertBlocks(alert, { blocks: [] } as unknown as TemplateBlocks, options);
    expect(blocks[0]?.type).toBe('header');
  });
});

describe('the starter and sample templates with empty placeholders', () => {
  const bare = sampleAlert('critical', { id: 'a2', occurrences: 1, description: null, source: null, fields: {}, links: [] });

  it('render the README sample without `** ()` or dangling separators for an alert without service and environment', async () => {
    const { DEPLOY_TEMPLATE } = await import('../openapi/examples');
    const readme = (await import('node:fs')).readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    // The README shows the same template as the OpenAPI example.
    expect(readme).toContain(JSON.stringify(DEPLOY_TEMPLATE.blocks[1]!.text!.text));
    const { blocks } = renderAlertBlocks(bare, DEPLOY_TEMPLATE.blocks as TemplateBlocks, options);
    expect(blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'critical · seen 1×' } });
    expect(allText(blocks)).not.toMatch(/\*\*|\(\)|\[\[|\]\]|"\s*· /);
    expectWithinSlackLimits(blocks);
    const full = renderAlertBlocks(alert, DEPLOY_TEMPLATE.blocks as TemplateBlocks, options).blocks;
    expect(full[1]).toMatchObject({ text: { text: '*checkout-api* (production) critical · seen 1×\nDisk at 95% &amp; rising &lt;fast&gt;' } });
  });

  it('render the starter template without empty fields or a lone separator', async () => {
    const { STARTER_BLOCKS } = await import('../templates/template-form');
    const { blocks } = renderAlertBlocks(bare, JSON.parse(STARTER_BLOCKS) as TemplateBlocks, options);
    expect(allText(blocks)).not.toMatch(/\*Service\*|\*Environment\*|\[\[|"\s*· </);
    expect(blocks.find((block) => block.type === 'context')).toMatchObject({ elements: [{ text: '<https://klaxon.example.com/w/T1/alerts/a2|Open in Klaxon>' }] });
    expectWithinSlackLimits(blocks);
  });
});
