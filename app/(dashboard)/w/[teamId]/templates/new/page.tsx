import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { STARTER_BLOCKS } from '@/lib/templates/template-form';
import { dashboardContext } from '../../dashboard-context';
import { saveTemplateAction } from '../actions';
import { TemplateEditor } from '../template-editor';

export const metadata: Metadata = { title: 'New template — Klaxon' };

export default async function NewTemplatePage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  if (scope.role !== 'admin') notFound();
  return (
    <>
      <p className="breadcrumb">
        <a href={`/w/${teamId}/templates`}>← Templates</a>
      </p>
      <h1>New template</h1>
      <TemplateEditor teamId={teamId} action={saveTemplateAction.bind(null, teamId, null)} initialName="" initialBlocks={STARTER_BLOCKS} readOnly={false} />
    </>
  );
}
