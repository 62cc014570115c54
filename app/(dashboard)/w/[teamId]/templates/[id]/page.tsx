import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { getTemplate } from '@/lib/templates/templates';
import { dashboardContext } from '../../dashboard-context';
import { deleteTemplateAction, saveTemplateAction } from '../actions';
import { DeleteTemplateButton } from '../delete-template-button';
import { TemplateEditor } from '../template-editor';

export const metadata: Metadata = { title: 'Template — Klaxon' };

export default async function TemplatePage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { teamId, id } = await params;
  const { created } = await searchParams;
  const { scope } = await dashboardContext(teamId);
  const template = await getTemplate(scope, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const admin = scope.role === 'admin';
  return (
    <>
      <p className="breadcrumb">
        <a href={`/w/${teamId}/templates`}>← Templates</a>
      </p>
      <div className="title-row">
        <h1>{template.name}</h1>
        {admin && <DeleteTemplateButton action={deleteTemplateAction.bind(null, teamId, template.id)} name={template.name} />}
      </div>
      {created && <p className="notice notice-ok">Template created.</p>}
      <TemplateEditor
        teamId={teamId}
        action={saveTemplateAction.bind(null, teamId, template.id)}
        initialName={template.name}
        initialBlocks={JSON.stringify(template.blocks, null, 2)}
        readOnly={!admin}
      />
    </>
  );
}
