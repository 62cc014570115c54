import type { Metadata } from 'next';
import { When } from '@/app/(dashboard)/components/when';
import { listTemplatesWithUsage } from '@/lib/templates/templates';
import { dashboardContext } from '../dashboard-context';
import { deleteTemplateAction } from './actions';
import { DeleteTemplateButton } from './delete-template-button';
import { DataTable } from '@/app/(dashboard)/components/data-table';

export const metadata: Metadata = { title: 'Templates — Klaxon' };

export default async function TemplatesPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const admin = scope.role === 'admin';
  const templates = await listTemplatesWithUsage(scope);
  return (
    <>
      <div className="title-row">
        <h1>Templates</h1>
        {admin && (
          <a className="button primary" href={`/w/${teamId}/templates/new`}>
            New template
          </a>
        )}
      </div>
      <p className="lead">
        A template is a Block Kit message with <code>{'{{placeholders}}'}</code>. Routes without one use the default layout; Klaxon adds its
        Acknowledge / Resolve buttons to every message.
      </p>
      {!admin && <p className="notice">You are a viewer: you can read templates, only admins can change them.</p>}
      <section className="card" aria-labelledby="templates-heading">
        <h2 id="templates-heading">Templates</h2>
        {templates.length === 0 ? (
          <p>No templates yet: every route uses the default layout.</p>
        ) : (
          <DataTable columns={['Name', 'Used by', 'Updated']} actions={admin}>
            {templates.map((template) => (
              <tr key={template.id} data-testid="template-row">
                <th scope="row">
                  <a href={`/w/${teamId}/templates/${template.id}`}>{template.name}</a>
                </th>
                <td>{template.routeCount === 0 ? 'No route' : `${template.routeCount} route${template.routeCount === 1 ? '' : 's'}`}</td>
                <td>
                  <When date={template.updatedAt} />
                </td>
                {admin && (
                  <td>
                    <DeleteTemplateButton action={deleteTemplateAction.bind(null, teamId, template.id)} name={template.name} />
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
