// Schemas of Block Kit templates (`/api/v1/templates`, DESIGN.md §5). The blocks themselves are checked by
// lib/blocks/validate-template, whose errors become zod issues at the same place in the body.
import { z } from 'zod';
import { validateTemplate } from '@/lib/blocks/validate-template';
import { alertDescriptionSchema, alertFieldsSchema, alertLinksSchema, alertSourceSchema, alertTitleSchema } from './alert';
import { camelizeKeys } from './camelize-keys';
import { ALERT_STATUSES, enumSchema, eventTypeSchema, nameSchema, severitySchema, strictObject, stringSchema } from './primitives';

// `/blocks/2/text/text` → [2, 'text', 'text']: the issue is already under the `blocks` key of the body.
function pointerToPath(pointer: string): Array<string | number> {
  return pointer
    .split('/')
    .slice(2)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) => (/^\d+$/.test(token) ? Number(token) : token));
}

/** templateBlocksSchema is a template's Block Kit JSON, validated by validateTemplate, output as TemplateBlocks. */
export const templateBlocksSchema = z.unknown().transform((value, ctx) => {
  const result = validateTemplate(value);
  if (result.ok) return result.blocks;
  for (const error of result.errors) ctx.addIssue({ code: 'custom', message: error.message, path: pointerToPath(error.path) });
  return z.NEVER;
});

/** templateInputSchema validates a template to save: `{ name, blocks }`. */
export const templateInputSchema = strictObject({ name: nameSchema, blocks: templateBlocksSchema });

/** TemplateInput is a validated template. */
export type TemplateInput = z.output<typeof templateInputSchema>;

// The parts of an alert a preview may set; the rest comes from sampleAlert.
const sampleAlertSchema = strictObject({
  event_type: eventTypeSchema,
  title: alertTitleSchema,
  description: alertDescriptionSchema,
  source: alertSourceSchema,
  fields: alertFieldsSchema,
  links: alertLinksSchema,
  status: enumSchema(ALERT_STATUSES),
  occurrences: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1'),
})
  .partial()
  .transform(camelizeKeys);

/**
 * templatePreviewSchema validates `POST /api/v1/templates/preview`: unsaved `blocks` or a saved `template_id`
 * (neither: the default layout), a `severity` (default critical) and `alert`, overrides of the sample alert
 * in camelCase, ready for sampleAlert. Output: `{ blocks?, templateId?, severity, alert? }`.
 */
export const templatePreviewSchema = strictObject({
  blocks: templateBlocksSchema.optional(),
  template_id: stringSchema({ min: 1, max: 100 }).optional(),
  severity: severitySchema.default('critical'),
  alert: sampleAlertSchema.optional(),
})
  .refine((preview) => preview.blocks === undefined || preview.template_id === undefined, {
    path: ['template_id'],
    message: 'give either blocks or template_id, not both',
  })
  .transform(camelizeKeys);

/** TemplatePreview is a validated preview request. */
export type TemplatePreview = z.output<typeof templatePreviewSchema>;
