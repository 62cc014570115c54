// The dashboard's maintenance window form: the silence form's matchers, weekdays as checkboxes, local start
// and end times and a time zone; turned into the API's input so that the same schema validates both.
import type { FormValues } from '../forms/form-state';
import { maintenanceWindowInputSchema, type MaintenanceWindowInput } from '../schemas/silence';
import { formText, matcherBody } from './silence-form';

/** parseWindowForm validates the form's values as a new maintenance window (throws ZodError). */
export function parseWindowForm(values: FormValues): MaintenanceWindowInput {
  return maintenanceWindowInputSchema.parse({
    name: formText(values.name),
    ...matcherBody(values),
    time_zone: formText(values.time_zone),
    days: Array.isArray(values.days) ? values.days : [],
    start: formText(values.start),
    end: formText(values.end),
  });
}
