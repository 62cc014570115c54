import { withApi } from '@/lib/http/with-api';
import { createReport, listReports, reportJson } from '@/lib/reports/reports';
import { reportInputSchema } from '@/lib/schemas/report';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/reports: the workspace's scheduled reports with their next send time. */
export const GET = withApi('alerts:read', async ({ scope }) => Response.json({ reports: (await listReports(scope)).map((report) => reportJson(report)) }));

/** POST /api/v1/reports: a channel's daily or weekly summary at a local time. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const report = await createReport(scope, reportInputSchema.parse(await json()));
  return Response.json(reportJson(report), { status: 201 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
