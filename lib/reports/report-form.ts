// The dashboard's report form: a channel, weekdays as checkboxes, a local time and a time zone; turned into
// the API's input so that the same schema validates both.
import type { FormValues } from '../forms/form-state';
import { reportInputSchema, type ReportInput } from '../schemas/report';
import { formText } from '../silences/silence-form';

/** parseReportForm validates the form's values as a new scheduled report (throws ZodError). */
export function parseReportForm(values: FormValues): ReportInput {
  return reportInputSchema.parse({
    channel: formText(values.channel),
    days: Array.isArray(values.days) ? values.days : [],
    time: formText(values.time),
    time_zone: formText(values.time_zone),
  });
}
