// The integration form's fields onto the API's input: JSON text areas parsed (a parse error is that field's
// error), `word = severity` lines read as a severity map, empty fields left out, settings of other kinds dropped.
import { AppError } from '@/lib/errors';
import { valueOf, type FormValues } from '@/lib/forms/form-state';

function jsonField(values: FormValues, field: string): unknown {
  const text = valueOf(values, field).trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_request', `${field}: is not valid JSON`, [{ field, message: 'is not valid JSON' }]);
  }
}

/** severityMapOf reads lines such as `page = critical` (or `page: critical`, comma-separated) into a map. */
function severityMapOf(text: string): Record<string, string> | undefined {
  const pairs = text
    .split(/[\n,]+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split(/\s*[=:]\s*/, 2) as [string, string | undefined]);
  if (pairs.length === 0) return undefined;
  return Object.fromEntries(pairs.map(([word, severity]) => [word, severity ?? '']));
}

const present = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** mappingInputOf reads the webhook mapping fields: a preset, or a custom mapping, and a sample body. */
export function mappingInputOf(values: FormValues) {
  const preset = present(valueOf(values, 'preset'));
  return {
    ...(preset && preset !== 'custom' ? { preset } : { mapping: jsonField(values, 'mapping') }),
    ...(jsonField(values, 'sample') !== undefined ? { sample: jsonField(values, 'sample') } : {}),
    ...(severityMapOf(valueOf(values, 'severity_map')) ? { severity_map: severityMapOf(valueOf(values, 'severity_map')) } : {}),
  };
}

/** integrationInputOf builds the body of `POST /api/v1/integrations` from the form. */
export function integrationInputOf(values: FormValues): Record<string, unknown> {
  const kind = valueOf(values, 'kind');
  const input: Record<string, unknown> = { kind, name: valueOf(values, 'name') };
  const severityMap = severityMapOf(valueOf(values, 'severity_map'));
  if (kind !== 'pagerduty' && severityMap) input.severity_map = severityMap;
  if ((kind === 'alertmanager' || kind === 'grafana') && present(valueOf(values, 'event_type_label'))) input.event_type_label = present(valueOf(values, 'event_type_label'));
  if (kind === 'webhook') Object.assign(input, mappingInputOf(values));
  const secret = present(valueOf(values, 'hmac_secret'));
  if ((kind === 'grafana' || kind === 'webhook') && secret) {
    input.hmac = {
      secret,
      ...(present(valueOf(values, 'hmac_header')) ? { header: present(valueOf(values, 'hmac_header')) } : {}),
      ...(present(valueOf(values, 'hmac_timestamp_header')) ? { timestamp_header: present(valueOf(values, 'hmac_timestamp_header')) } : {}),
    };
  }
  return input;
}

/** integrationPatchOf builds the body of `PATCH /api/v1/integrations/{id}` from the edit form of a `kind`: an emptied field removes its setting. */
export function integrationPatchOf(kind: string, values: FormValues): Record<string, unknown> {
  const patch: Record<string, unknown> = { name: valueOf(values, 'name') };
  if (kind !== 'pagerduty') patch.severity_map = severityMapOf(valueOf(values, 'severity_map')) ?? null;
  if (kind === 'alertmanager' || kind === 'grafana') patch.event_type_label = present(valueOf(values, 'event_type_label')) ?? null;
  if (kind === 'webhook') {
    const { severity_map: _ignored, ...mapping } = mappingInputOf(values);
    Object.assign(patch, mapping);
  }
  if (kind === 'grafana' || kind === 'webhook') {
    const secret = present(valueOf(values, 'hmac_secret'));
    if (valueOf(values, 'hmac_remove') === 'on') patch.hmac = null;
    else if (secret) patch.hmac = integrationInputOf({ ...values, kind }).hmac;
  }
  return patch;
}
