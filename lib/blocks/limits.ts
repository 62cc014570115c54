// Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks): a message past any of them is
// refused with `invalid_blocks`, so templates are checked against them when saved and rendered output is fitted.

/** MAX_MESSAGE_BLOCKS is the most blocks a message may carry. */
export const MAX_MESSAGE_BLOCKS = 50;
/** MAX_VIEW_BLOCKS is the most blocks an App Home or modal view may carry. */
export const MAX_VIEW_BLOCKS = 100;
/** MAX_HEADER_TEXT is the longest header text (plain_text). */
export const MAX_HEADER_TEXT = 150;
/** MAX_SECTION_TEXT is the longest section text, and the limit we apply to context texts as well. */
export const MAX_SECTION_TEXT = 3_000;
/** MAX_SECTION_FIELDS is the most fields a section may have. */
export const MAX_SECTION_FIELDS = 10;
/** MAX_SECTION_FIELD_TEXT is the longest text of one section field. */
export const MAX_SECTION_FIELD_TEXT = 2_000;
/** MAX_CONTEXT_ELEMENTS is the most elements a context block may have. */
export const MAX_CONTEXT_ELEMENTS = 10;
/** MAX_ACTIONS_ELEMENTS is the most elements an actions block may have. */
export const MAX_ACTIONS_ELEMENTS = 25;
/** MAX_BUTTON_TEXT is the longest button label. */
export const MAX_BUTTON_TEXT = 75;
/** MAX_BUTTON_VALUE is the longest button value. */
export const MAX_BUTTON_VALUE = 2_000;
/** MAX_URL is the longest URL of a button or image. */
export const MAX_URL = 3_000;
/** MAX_ALT_TEXT is the longest alt text or title of an image. */
export const MAX_ALT_TEXT = 2_000;
/** MAX_ID is the longest `action_id` or `block_id`. */
export const MAX_ID = 255;
/** MAX_FALLBACK_TEXT is how long we let a message's top-level `text` (its notification fallback) be. */
export const MAX_FALLBACK_TEXT = 3_000;

/** MAX_OPTION_VALUE is the longest `value` of a select menu option. */
export const MAX_OPTION_VALUE = 150;
