import { describe, expect, it } from 'vitest';
import { renderMrkdwn } from './render-blocks';

describe('renderMrkdwn', () => {
  it('shows a date token as its date, not as a mention', () => {
    expect(renderMrkdwn('First seen <!date^1714571880^{date_short_pretty} {time}|2024-05-01 13:58 UTC>').toString()).toBe(
      'First seen <time datetime="2024-05-01T13:58:00.000Z">2024-05-01 13:58 UTC</time>',
    );
  });

  it('shows common emoji shortcodes as emoji and leaves unknown ones as typed', () => {
    expect(renderMrkdwn('Welcome :wave: :rotating_light: :not_an_emoji: 10:30:00').toString()).toBe('Welcome 👋 🚨 :not_an_emoji: 10:30:00');
  });

  it("shows a user mention as the person's name, as Slack does, or the id when unknown", () => {
    const names = (id: string) => (id === 'U0ACMEMEM1' ? 'kj' : undefined);
    expect(renderMrkdwn('Acknowledged by <@U0ACMEMEM1>, not <@U0NOBODY>', names).toString()).toBe(
      'Acknowledged by <span class="mention">@kj</span>, not <span class="mention">@U0NOBODY</span>',
    );
  });

  it('keeps mentions and links', () => {
    expect(renderMrkdwn('<!here> see <https://e.com|the runbook>').toString()).toBe(
      '<span class="mention">@here</span> see <a href="https://e.com" target="_blank" rel="noreferrer">the runbook</a>',
    );
  });
});
