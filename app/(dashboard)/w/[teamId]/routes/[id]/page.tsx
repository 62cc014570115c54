import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { routeFormValues } from '@/lib/routes/route-form';
import { AppError } from '@/lib/errors';
import { getRoute } from '@/lib/routes/routes';
import { dashboardContext } from '../../dashboard-context';
import { refreshChannelsAction, updateRouteAction } from '../actions';
import { routeFormData } from '../route-form-data';
import { RouteForm } from '../route-form';

export const metadata: Metadata = { title: 'Edit route — Klaxon' };

export default async function EditRoutePage({ params }: { params: Promise<{ teamId: string; id: string }> }) {
  const { teamId, id } = await params;
  const { scope } = await dashboardContext(teamId);
  if (scope.role !== 'admin') notFound();
  const route = await getRoute(scope, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const data = await routeFormData(scope);
  return (
    <>
      <p className="breadcrumb">
        <a href={`/w/${teamId}/routes`}>← Routes</a>
      </p>
      <h1>Edit route</h1>
      <RouteForm
        action={updateRouteAction.bind(null, teamId, route.id)}
        refreshChannels={refreshChannelsAction.bind(null, teamId)}
        heading={route.name}
        submitLabel="Save route"
        initial={routeFormValues(route)}
        {...data}
      />
    </>
  );
}
