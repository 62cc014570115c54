// Schemas of delivery actions (`POST /api/v1/deliveries/retry`).
import { camelizeKeys } from './camelize-keys';
import { strictObject, stringSchema } from './primitives';
import { SLACK_CHANNEL_ID_PATTERN } from './route';

/**
 * deliveryRetrySchema says which dead deliveries to retry: every one of the workspace (`{}`), an alert's
 * (`alert_id`), or one (`alert_id` and `channel`); outputs `{ alertId?, channel? }`.
 */
export const deliveryRetrySchema = strictObject({
  alert_id: stringSchema({ min: 1, max: 100 }).optional(),
  channel: stringSchema({ min: 1, max: 50 }).regex(SLACK_CHANNEL_ID_PATTERN, 'must be a Slack channel id such as C0123ABCD').optional(),
})
  .refine((body) => body.channel === undefined || body.alert_id !== undefined, { message: 'needs alert_id: a channel names one delivery of an alert', path: ['channel'] })
  .transform(camelizeKeys);
