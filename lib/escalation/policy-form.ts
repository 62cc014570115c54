// The dashboard's escalation-policy forms (new and edit): rows of (minutes, target type, targets), turned into
// the API's body and validated with its schema, errors named by the row's fields. A row's targets are all of
// its one type (several ids, comma-separated).
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { splitList, type FormValues } from '../forms/form-state';
import { formatZodError } from '../schemas/format-zod-error';
import { escalationPolicyInputSchema, type EscalationPolicyInput, type EscalationStep } from '../schemas/escalation-policy';

/** MAX_FORM_STEPS is how many step rows the new-policy form shows. */
export const MAX_FORM_STEPS = 3;
// The API's limit of steps per policy: the rows an edit form may carry.
const MAX_STEPS = 20;

/** StepRow is one step as a form row shows it. */
export interface StepRow {
  after: string;
  type: string;
  target: string;
}

/**
 * stepRows shows a policy's steps as form rows, plus an empty one to add a step (at least MAX_FORM_STEPS rows);
 * null when a step mixes kinds of targets, which one row cannot show (the API edits those).
 */
export function stepRows(steps: EscalationStep[]): StepRow[] | null {
  const rows: StepRow[] = [];
  for (const step of steps) {
    const types = new Set(step.targets.map((target) => target.type));
    if (types.size !== 1) return null;
    const type = [...types][0]!;
    rows.push({ after: String(step.afterMinutes), type, target: step.targets.map((target) => ('id' in target ? target.id : '')).filter(Boolean).join(', ') });
  }
  while (rows.length < Math.min(MAX_STEPS, Math.max(MAX_FORM_STEPS, steps.length + 1))) rows.push({ after: '', type: 'schedule', target: '' });
  return rows;
}

const text = (values: FormValues, field: string) => {
  const value = values[field];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};

/** parsePolicyForm validates the form; rows without minutes are left out. */
export function parsePolicyForm(values: FormValues): EscalationPolicyInput {
  const rows = Array.from({ length: MAX_STEPS }, (_, i) => i).filter((i) => text(values, `step${i}_after`) !== '');
  const steps = rows.map((i) => {
    const type = text(values, `step${i}_type`);
    const ids = splitList(values[`step${i}_target`]);
    return { after_minutes: Number(text(values, `step${i}_after`)), targets: type === 'here' ? [{ type }] : (ids.length ? ids : ['']).map((id) => ({ type, id })) };
  });
  try {
    return escalationPolicyInputSchema.parse({ name: text(values, 'name'), repeat: Number(text(values, 'repeat') || '0'), steps });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    // `steps.1.targets.0.id` is the target field of the second filled row.
    const fields = formatZodError(error).details.map((detail) => {
      const match = /^steps\.(\d+)\.(after_minutes|targets\.\d+\.(?:id|type))/.exec(detail.field);
      if (!match) return detail;
      const row = rows[Number(match[1])];
      return { field: `step${row}_${match[2] === 'after_minutes' ? 'after' : match[2]!.endsWith('type') ? 'type' : 'target'}`, message: detail.message };
    });
    throw new AppError('invalid_request', `${fields[0]?.field}: ${fields[0]?.message}`, fields);
  }
}
