import { deleteEscalationPolicy, escalationPolicyJson, getEscalationPolicy, updateEscalationPolicy } from '@/lib/escalation/policies';
import { withApi } from '@/lib/http/with-api';
import { escalationPolicyPatchSchema } from '@/lib/schemas/escalation-policy';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/escalation-policies/{id} */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) =>
  Response.json(escalationPolicyJson(await getEscalationPolicy(scope, params.id))),
);

/** PATCH /api/v1/escalation-policies/{id}: changes the given fields (steps replaced whole). */
export const PATCH = withApi<{ id: string }>('config:write', async ({ json, scope, params }) =>
  Response.json(escalationPolicyJson(await updateEscalationPolicy(scope, params.id, escalationPolicyPatchSchema.parse(await json())))),
);

/** DELETE /api/v1/escalation-policies/{id} */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => {
  await deleteEscalationPolicy(scope, params.id);
  return new Response(null, { status: 204 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
