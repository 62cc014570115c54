// The dashboard's escalation-policy form: up to MAX_FORM_STEPS rows of (minutes, target type, target), turned
// into the API's body and validated with its schema, errors named by the row's fields.
import { ZodError } from 'zod';
import { AppError } from '../errors';
import type { FormValues } from '../forms/form-state';
import { formatZodError } from '../schemas/format-zod-error';
import { escalationPolicyInputSchema, type EscalationPolicyInput } from '../schemas/escalation-policy';

/** MAX_FORM_STEPS is how many step rows the form shows. */
export const MAX_FORM_STEPS = 3;

const text = (values: FormValues, field: string) => {
  const value = values[field];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};

/** parsePolicyForm validates the form; rows without minutes are left out. */
export function parsePolicyForm(values: FormValues): EscalationPolicyInput {
  const rows = Array.from({ length: MAX_FORM_STEPS }, (_, i) => i).filter((i) => text(values, `step${i}_after`) !== '');
  const steps = rows.map((i) => {
    const type = text(values, `step${i}_type`);
    return { after_minutes: Number(text(values, `step${i}_after`)), targets: [type === 'here' ? { type } : { type, id: text(values, `step${i}_target`) }] };
  });
  try {
    return escalationPolicyInputSchema.parse({ name: text(values, 'name'), repeat: Number(text(values, 'repeat') || '0'), steps });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    // `steps.1.targets.0.id` is the target field of the second filled row.
    const fields = formatZodError(error).details.map((detail) => {
      const match = /^steps\.(\d+)\.(after_minutes|targets\.0\.(?:id|type))/.exec(detail.field);
      if (!match) return detail;
      const row = rows[Number(match[1])];
      return { field: `step${row}_${match[2] === 'after_minutes' ? 'after' : match[2]!.endsWith('type') ? 'type' : 'target'}`, message: detail.message };
    });
    throw new AppError('invalid_request', `${fields[0]?.field}: ${fields[0]?.message}`, fields);
  }
}
