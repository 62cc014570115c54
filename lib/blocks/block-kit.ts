// The subset of Block Kit that templates and rendered alerts use. Slack refuses unknown properties, so these
// types list exactly what validate-template accepts.

/** PlainText is a plain_text text object: shown as typed, no markup. */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

/** Mrkdwn is a mrkdwn text object: Slack markup, where `&`, `<` and `>` in values must be escaped. */
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

/** TextObject is either kind of text object. */
export type TextObject = PlainText | Mrkdwn;

/** ButtonElement is a button: an interactive one (action_id, value) or a link (url). */
export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id?: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

/** StaticSelectElement is a menu of options (Klaxon's own Snooze menu; templates cannot use it). */
export interface StaticSelectElement {
  type: 'static_select';
  action_id: string;
  placeholder: PlainText;
  options: Array<{ text: PlainText; value: string }>;
}

/** ImageElement is a small image inside a context block or a section accessory. */
export interface ImageElement {
  type: 'image';
  image_url: string;
  alt_text: string;
}

/** HeaderBlock is a large plain_text title. */
export interface HeaderBlock {
  type: 'header';
  text: PlainText;
  block_id?: string;
}

/** SectionBlock is text, fields, or both, with an optional button or image beside them. */
export interface SectionBlock {
  type: 'section';
  text?: TextObject;
  fields?: TextObject[];
  accessory?: ButtonElement | ImageElement;
  block_id?: string;
}

/** DividerBlock is a horizontal rule. */
export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}

/** ContextBlock is a line of small text and images. */
export interface ContextBlock {
  type: 'context';
  elements: Array<TextObject | ImageElement>;
  block_id?: string;
}

/** ActionsBlock is a row of buttons (and, in Klaxon's own actions block, menus). */
export interface ActionsBlock {
  type: 'actions';
  elements: Array<ButtonElement | StaticSelectElement>;
  block_id?: string;
}

/** ImageBlock is a full-width image. */
export interface ImageBlock {
  type: 'image';
  image_url: string;
  alt_text: string;
  title?: PlainText;
  block_id?: string;
}

/** Block is any block a template or a rendered alert may contain. */
export type Block = HeaderBlock | SectionBlock | DividerBlock | ContextBlock | ActionsBlock | ImageBlock;

/** TemplateBlocks is a saved template: blocks whose strings may hold `{{placeholders}}`. */
export type TemplateBlocks = Block[];
