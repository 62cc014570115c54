// The template editor's text → the templates API's schema, with every problem reported at its JSON pointer
// (`/blocks/2/text/text`) so the editor can show where it is.
import type { ZodError } from 'zod';
import type { PLACEHOLDER_NAMES } from '@/lib/blocks/placeholders';
import { templateInputSchema, type TemplateInput } from '@/lib/schemas/template';

/** TemplateIssue is one problem of a template being edited: where (a JSON pointer) and what. */
export interface TemplateIssue {
  pointer: string;
  message: string;
}

/** PLACEHOLDER_HELP says what each placeholder is filled with. */
export const PLACEHOLDER_HELP: Record<(typeof PLACEHOLDER_NAMES)[number] | 'fields.<name>', string> = {
  title: 'the alert title',
  description: 'the longer description',
  severity: 'critical, error, warning or info',
  event_type: 'e.g. deploy.failed',
  source: 'the sending system',
  links: 'the links, as mrkdwn links',
  occurrences: 'how many times it fired',
  status: 'triggered, acknowledged or resolved',
  dashboard_url: "the alert's page in Klaxon",
  'fields.<name>': 'a custom field, e.g. {{fields.service}}',
};

/** STARTER_BLOCKS is what a new template starts from; `[[ … ]]` drops a part whose placeholders are empty. */
export const STARTER_BLOCKS = JSON.stringify(
  [
    { type: 'header', text: { type: 'plain_text', text: '{{title}}' } },
    { type: 'section', text: { type: 'mrkdwn', text: '*{{severity}}* · `{{event_type}}`[[\n{{description}}]]' } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '[[*Service*\n{{fields.service}}]]' },
        { type: 'mrkdwn', text: '[[*Environment*\n{{fields.environment}}]]' },
      ],
    },
    { type: 'divider' },
    { type: 'context', elements: [{ type: 'mrkdwn', text: '[[{{links}} · ]]<{{dashboard_url}}|Open in Klaxon>' }] },
  ],
  null,
  2,
);

/** pointerOf turns a zod path or a dotted API field (`blocks.2.text`) into a JSON pointer (`/blocks/2/text`). */
export function pointerOf(path: ReadonlyArray<PropertyKey> | string): string {
  const parts = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path.map(String);
  return parts.length ? `/${parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '/';
}

/** parseBlocksText parses the editor's JSON, or says where the syntax error is. */
export function parseBlocksText(text: string): { ok: true; blocks: unknown } | { ok: false; issue: TemplateIssue } {
  try {
    return { ok: true, blocks: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issue: { pointer: '/blocks', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/** parseTemplateForm validates a name and the editor's text with templateInputSchema. */
export function parseTemplateForm(name: string, blocksText: string): { ok: true; input: TemplateInput } | { ok: false; issues: TemplateIssue[] } {
  const parsed = parseBlocksText(blocksText);
  const candidate = { name, blocks: parsed.ok ? parsed.blocks : [] };
  const result = templateInputSchema.safeParse(candidate);
  const issues = [
    ...(parsed.ok ? [] : [parsed.issue]),
    ...(result.success ? [] : issuesOf(result.error)).filter((issue) => parsed.ok || !issue.pointer.startsWith('/blocks')),
  ];
  if (result.success && issues.length === 0) return { ok: true, input: result.data };
  return { ok: false, issues };
}

/** issuesOf lists a zod error's issues at their JSON pointers. */
export function issuesOf(error: ZodError): TemplateIssue[] {
  return error.issues.map((issue) => ({ pointer: pointerOf(issue.path), message: issue.message }));
}
