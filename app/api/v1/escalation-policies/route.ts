import { createEscalationPolicy, escalationPolicyJson, listEscalationPolicies } from '@/lib/escalation/policies';
import { withApi } from '@/lib/http/with-api';
import { escalationPolicyInputSchema } from '@/lib/schemas/escalation-policy';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/escalation-policies: the workspace's escalation policies. */
export const GET = withApi('alerts:read', async ({ scope }) =>
  Response.json({ escalation_policies: (await listEscalationPolicies(scope)).map(escalationPolicyJson) }),
);

/** POST /api/v1/escalation-policies: adds a policy. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const policy = await createEscalationPolicy(scope, escalationPolicyInputSchema.parse(await json()));
  return Response.json(escalationPolicyJson(policy), { status: 201 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
