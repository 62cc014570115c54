import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, truncate, truncateMrkdwn } from './escape-mrkdwn';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > without double-escaping', () => {
    expect(escapeMrkdwn('<!channel> & <@U1|x> -> ok')).toBe('&lt;!channel&gt; &amp; &lt;@U1|x&gt; -&gt; ok');
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  it('leaves other markup alone', () => {
    expect(escapeMrkdwn('*bold* _it_ `code`')).toBe('*bold* _it_ `code`');
  });
});

describe('truncate', () => {
  it('keeps text that fits, and cuts longer text to exactly max with an ellipsis', () => {
    expect(truncate('abcde', 5)).toBe('abcde');
    expect(truncate('abcdef', 5)).toBe('abcd…');
    expect(truncate('abcdef', 5)).toHaveLength(5);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate('ab🔴🔴🔴', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(truncate('a🔴bcdef', 4)).toBe('a🔴…');
  });

  it('handles tiny limits', () => {
    expect(truncate('abc', 1)).toBe('…');
    expect(truncate('abc', 0)).toBe('');
  });
});

describe('truncateMrkdwn', () => {
  it('does not leave half an entity', () => {
    expect(truncateMrkdwn('abc &amp; def', 7)).toBe('abc …');
  });

  it('does not leave half a link', () => {
    expect(truncateMrkdwn('see <https://example.com/a|the log> now', 20)).toBe('see …');
  });

  it('keeps complete links and entities', () => {
    expect(truncateMrkdwn('<https://e.com|x> &amp; more text here', 25)).toBe('<https://e.com|x> &amp; …');
  });
});
