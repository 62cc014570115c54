// A Block Kit → HTML renderer for template previews, drawn the way Slack draws messages: header, sections
// (mrkdwn text, fields in two columns, an accessory), context lines, dividers, images and button rows.
// It renders through React, so nothing in a template can inject markup.
import type { ReactNode } from 'react';
import type { Block, ButtonElement, ImageElement, TextObject } from '@/lib/blocks/block-kit';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** decodeEntities undoes Slack's three mrkdwn escapes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

function isSafeUrl(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url);
}

// `<…>` is Slack's control syntax: links, mentions, special mentions and date tokens.
function controlToken(body: string, key: string): ReactNode {
  const [target = '', label] = splitOnce(body, '|');
  if (target.startsWith('@')) return <span key={key} className="bk-mention">@{label ?? target.slice(1)}</span>;
  if (target.startsWith('#')) return <span key={key} className="bk-mention">#{label ?? target.slice(1)}</span>;
  if (target.startsWith('!date^')) return <span key={key}>{decodeEntities(label ?? target)}</span>;
  if (target.startsWith('!subteam^')) return <span key={key} className="bk-mention">{label ?? '@group'}</span>;
  if (target.startsWith('!')) return <span key={key} className="bk-mention">@{target.slice(1)}</span>;
  const url = decodeEntities(target);
  const text = decodeEntities(label ?? target);
  if (!isSafeUrl(url)) return <span key={key}>{text}</span>;
  return (
    <a key={key} href={url} target="_blank" rel="noreferrer noopener">
      {text}
    </a>
  );
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

// The earliest of: ```pre```, `code`, <control>, *bold*, _italic_, ~strike~.
const TOKEN_SOURCE = /```([\s\S]+?)```|`([^`\n]+)`|<([^<>\n]+)>|\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~/g;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9]/.test(char);
}

function textWithBreaks(text: string, key: string): ReactNode[] {
  return decodeEntities(text)
    .split('\n')
    .flatMap((line, index) => (index === 0 ? [line] : [<br key={`${key}-br${index}`} />, line]))
    .filter((part) => part !== '');
}

/** renderMrkdwn turns Slack mrkdwn into React nodes: *bold*, _italic_, ~strike~, `code`, ```pre```, links, line breaks. */
export function renderMrkdwn(text: string, keyPrefix = 'm'): ReactNode[] {
  const out: ReactNode[] = [];
  let plainFrom = 0;
  let index = 0;
  // A fresh regex per call: the nested calls for *bold* etc. must not move this loop's lastIndex.
  const TOKEN = new RegExp(TOKEN_SOURCE.source, 'g');
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const [whole, pre, code, control, bold, italic, strike] = match;
    const start = match.index;
    const end = start + whole.length;
    const styled = bold ?? italic ?? strike;
    // *bold*, _italic_ and ~strike~ only count at word boundaries (so snake_case_names stay as they are).
    if (styled !== undefined && (isWordChar(text[start - 1]) || isWordChar(text[end]) || /^\s|\s$/.test(styled))) {
      TOKEN.lastIndex = start + 1;
      continue;
    }
    const key = `${keyPrefix}-${index++}`;
    out.push(...textWithBreaks(text.slice(plainFrom, start), `${key}-t`));
    if (pre !== undefined) out.push(<pre key={key} className="bk-pre">{decodeEntities(pre.replace(/^\n/, ''))}</pre>);
    else if (code !== undefined) out.push(<code key={key} className="bk-code">{decodeEntities(code)}</code>);
    else if (control !== undefined) out.push(controlToken(control, key));
    else if (bold !== undefined) out.push(<strong key={key}>{renderMrkdwn(bold, key)}</strong>);
    else if (italic !== undefined) out.push(<em key={key}>{renderMrkdwn(italic, key)}</em>);
    else out.push(<s key={key}>{renderMrkdwn(strike!, key)}</s>);
    plainFrom = end;
  }
  out.push(...textWithBreaks(text.slice(plainFrom), `${keyPrefix}-end`));
  return out;
}

function renderText(text: TextObject, key: string): ReactNode {
  if (text.type === 'mrkdwn') return renderMrkdwn(text.text, key);
  return text.text;
}

function Button({ button }: { button: ButtonElement }) {
  const className = `bk-button${button.style ? ` bk-button-${button.style}` : ''}`;
  // A preview must not act: buttons are drawn, not wired; link buttons show where they go.
  return (
    <span className={className} title={button.url ?? button.action_id}>
      {button.text.text}
    </span>
  );
}

function Image({ image, className }: { image: ImageElement | { image_url: string; alt_text: string }; className: string }) {
  if (!isSafeUrl(image.image_url)) return <span className={className}>[{image.alt_text}]</span>;
  return <img className={className} src={image.image_url} alt={image.alt_text} loading="lazy" referrerPolicy="no-referrer" />;
}

function BlockView({ block, index }: { block: Block; index: number }) {
  const key = `b${index}`;
  switch (block.type) {
    case 'header':
      return <div className="bk-header">{block.text.text}</div>;
    case 'divider':
      return <hr className="bk-divider" />;
    case 'section':
      return (
        <div className="bk-section">
          <div className="bk-section-body">
            {block.text && <div className="bk-text">{renderText(block.text, `${key}t`)}</div>}
            {block.fields && (
              <div className="bk-fields">
                {block.fields.map((field, fieldIndex) => (
                  <div key={fieldIndex} className="bk-field">
                    {renderText(field, `${key}f${fieldIndex}`)}
                  </div>
                ))}
              </div>
            )}
          </div>
          {block.accessory &&
            (block.accessory.type === 'button' ? (
              <div className="bk-accessory">
                <Button button={block.accessory} />
              </div>
            ) : (
              <Image image={block.accessory} className="bk-accessory-image" />
            ))}
        </div>
      );
    case 'context':
      return (
        <div className="bk-context">
          {block.elements.map((element, elementIndex) =>
            element.type === 'image' ? (
              <Image key={elementIndex} image={element} className="bk-context-image" />
            ) : (
              <span key={elementIndex}>{renderText(element, `${key}c${elementIndex}`)}</span>
            ),
          )}
        </div>
      );
    case 'actions':
      return (
        <div className="bk-actions">
          {block.elements.map((element, buttonIndex) =>
            element.type === 'button' ? (
              <Button key={buttonIndex} button={element} />
            ) : (
              <Button key={buttonIndex} button={{ type: 'button', text: { type: 'plain_text', text: `${element.placeholder.text} ▾` } }} />
            ),
          )}
        </div>
      );
    case 'image':
      return (
        <figure className="bk-image">
          {block.title && <figcaption>{block.title.text}</figcaption>}
          <Image image={block} className="bk-image-img" />
        </figure>
      );
    default:
      return null;
  }
}

/** BlockKitMessage draws a message as Slack shows it in a channel: the app's name, then its blocks. */
export function BlockKitMessage({ blocks, appName = 'Klaxon', time = '14:02' }: { blocks: readonly Block[]; appName?: string; time?: string }) {
  return (
    <div className="bk-message">
      <div className="bk-avatar" aria-hidden="true">
        K
      </div>
      <div className="bk-content">
        <div className="bk-meta">
          <strong>{appName}</strong> <span className="bk-app">APP</span> <span className="bk-time">{time}</span>
        </div>
        {blocks.map((block, index) => (
          <BlockView key={index} block={block} index={index} />
        ))}
      </div>
    </div>
  );
}
