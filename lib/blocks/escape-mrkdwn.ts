// Text that comes from alerts is untrusted: in mrkdwn, `<!channel>` would ping a whole channel and `<url|x>`
// would disguise a link, so values are escaped before they are placed into mrkdwn.

/** escapeMrkdwn escapes the three characters Slack treats as control characters in mrkdwn: `&`, `<`, `>`. */
export function escapeMrkdwn(text: string): string {
  // `&` first, or the `&` of the entities added for `<` and `>` would be escaped again.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ELLIPSIS = '…';

/**
 * truncate shortens `text` to at most `max` characters (UTF-16 units, as Slack counts them), ending with `…`
 * when it cut; it never splits a surrogate pair, so an emoji is kept whole or dropped.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, Math.max(end, 0)) + ELLIPSIS;
}

/**
 * truncateMrkdwn is truncate for mrkdwn: it also avoids leaving half an entity (`&am…`) or half a
 * `<link|label>` at the cut, which Slack would show as raw markup.
 */
export function truncateMrkdwn(text: string, max: number): string {
  const cut = truncate(text, max);
  if (cut === text) return text;
  let kept = cut.slice(0, -ELLIPSIS.length);
  const amp = kept.lastIndexOf('&');
  if (amp !== -1 && !kept.slice(amp).includes(';') && kept.length - amp < 6) kept = kept.slice(0, amp);
  const open = kept.lastIndexOf('<');
  if (open !== -1 && open > kept.lastIndexOf('>')) kept = kept.slice(0, open);
  return kept + ELLIPSIS;
}
