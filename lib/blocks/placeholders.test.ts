import { describe, expect, it } from 'vitest';
import { fillPlaceholders, findPlaceholders, formatLinks, isKnownPlaceholder, stripPlaceholders } from './placeholders';
import { sampleAlert } from './sample-alert';

describe('placeholders', () => {
  it('knows the documented names and fields.<name>', () => {
    for (const name of ['title', 'description', 'severity', 'event_type', 'source', 'links', 'occurrences', 'status', 'dashboard_url', 'fields.region']) {
      expect(isKnownPlaceholder(name)).toBe(true);
    }
    for (const name of ['fields.', 'Title', 'alert.title', '', `fields.${'x'.repeat(101)}`]) {
      expect(isKnownPlaceholder(name)).toBe(false);
    }
  });

  it('finds and strips placeholders, tolerating inner spaces', () => {
    expect(findPlaceholders('{{title}} and {{ fields.a b }} {not} {{}}')).toEqual(['title', 'fields.a b', '']);
    expect(stripPlaceholders('[{{ severity }}] x')).toBe('[] x');
  });

  it('fills missing values with nothing and escapes only in mrkdwn', () => {
    const alert = sampleAlert('info', { title: 'a<b', fields: { n: 0, ok: false } });
    expect(fillPlaceholders('{{title}}|{{fields.n}}|{{fields.ok}}|{{fields.missing}}|{{bogus}}', alert, 'u', 'mrkdwn')).toBe('a&lt;b|0|false||');
    expect(fillPlaceholders('{{title}}', alert, 'u', 'plain')).toBe('a<b');
  });

  it('drops a [[ … ]] segment whose placeholders are empty, and keeps its content when they all have values', () => {
    const template = '[[*{{fields.service}}* ]][[({{fields.environment}}) · ]]{{severity}}[[ · {{source}}]]';
    expect(fillPlaceholders(template, sampleAlert('critical', { fields: {}, source: null }), 'u', 'mrkdwn')).toBe('critical');
    expect(fillPlaceholders(template, sampleAlert('critical', { fields: { service: 'api' }, source: null }), 'u', 'mrkdwn')).toBe('*api* critical');
    expect(fillPlaceholders(template, sampleAlert('critical', { fields: { service: 'a<b', environment: 'prod' }, source: 'ci' }), 'u', 'mrkdwn')).toBe(
      '*a&lt;b* (prod) · critical · ci',
    );
    // Any empty placeholder drops the whole segment; `[[links]]` counts no links as empty.
    expect(fillPlaceholders('[[{{title}} in {{fields.region}}]]', sampleAlert('info', { fields: {} }), 'u', 'plain')).toBe('');
    expect(fillPlaceholders('[[{{links}} · ]]end', sampleAlert('info', { links: [] }), 'u', 'mrkdwn')).toBe('end');
  });

  it('leaves unmatched brackets and brackets inside values as they are', () => {
    const alert = sampleAlert('info', { title: '[[x]] {{title}}' });
    expect(fillPlaceholders('[[ {{title}}', alert, 'u', 'plain')).toBe('[[ [[x]] {{title}}');
    expect(fillPlaceholders('[[{{title}}]]', alert, 'u', 'plain')).toBe('[[x]] {{title}}');
    expect(stripPlaceholders('[[ ({{fields.env}}) ]]x')).toBe(' () x');
  });

  it("doesn't read inherited properties as fields", () => {
    expect(fillPlaceholders('{{fields.constructor}}', sampleAlert('info'), 'u', 'plain')).toBe('');
  });

  it('formats links for mrkdwn and plain text', () => {
    const links = [{ text: 'a|b', url: 'https://e.com/x|y' }];
    expect(formatLinks(links, 'mrkdwn')).toBe('<https://e.com/x%7Cy|a|b>');
    expect(formatLinks(links, 'plain')).toBe('a|b: https://e.com/x|y');
  });
});
