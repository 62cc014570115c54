import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BlockKitMessage, renderMrkdwn } from './block-kit-message';

function html(text: string): string {
  return renderToStaticMarkup(createElement(Fragment, null, ...renderMrkdwn(text)));
}

describe('renderMrkdwn', () => {
  it('draws bold, italic, strike and code, nested too', () => {
    expect(html('*bold* _it_ ~gone~ `x<y`')).toBe('<strong>bold</strong> <em>it</em> <s>gone</s> <code class="bk-code">x&lt;y</code>');
    expect(html('*bold with _italic_ inside* after')).toBe('<strong>bold with <em>italic</em> inside</strong> after');
  });

  it('leaves markers inside words alone', () => {
    expect(html('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
  });

  it('turns <url|text> into links, decodes escapes, and refuses javascript: URLs', () => {
    expect(html('<https://a.example/?x=1&amp;y=2|Docs &amp; more>')).toBe('<a href="https://a.example/?x=1&amp;y=2" target="_blank" rel="noreferrer noopener">Docs &amp; more</a>');
    expect(html('&lt;b&gt; is not a tag')).toBe('&lt;b&gt; is not a tag');
    expect(html('<javascript:alert(1)|click>')).toBe('<span>click</span>');
  });

  it('shows mentions and date fallbacks, and keeps line breaks', () => {
    expect(html('<@U123> <!here> <!date^1714572000^{date}|2024-05-01 14:00 UTC>')).toBe(
      '<span class="bk-mention">@U123</span> <span class="bk-mention">@here</span> <span>2024-05-01 14:00 UTC</span>',
    );
    expect(html('a\nb')).toBe('a<br/>b');
  });
});

describe('BlockKitMessage', () => {
  it('draws fields, buttons with their style, and dividers', () => {
    const markup = renderToStaticMarkup(
      createElement(BlockKitMessage, {
        blocks: [
          { type: 'section', fields: [{ type: 'mrkdwn', text: '*A*\n1' }, { type: 'plain_text', text: '*B*' }] },
          { type: 'divider' },
          { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Ack' }, style: 'primary', action_id: 'ack' }] },
        ],
      }),
    );
    expect(markup).toContain('<div class="bk-field"><strong>A</strong><br/>1</div><div class="bk-field">*B*</div>');
    expect(markup).toContain('<hr class="bk-divider"/>');
    expect(markup).toContain('<span class="bk-button bk-button-primary" title="ack">Ack</span>');
  });
});
