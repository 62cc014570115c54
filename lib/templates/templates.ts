// Block Kit templates of a workspace: validated when saved (lib/schemas/template), rendered for previews
// exactly as the worker renders them for Slack.
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import type { Block } from '../blocks/block-kit';
import { renderAlertBlocks } from '../blocks/render-alert-blocks';
import { sampleAlert } from '../blocks/sample-alert';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { Prisma, type Template } from '../generated/prisma/client';
import type { TemplateInput, TemplatePreview } from '../schemas/template';

/** templateJson renders a template in the API's shape. */
export function templateJson(template: Template) {
  return { id: template.id, name: template.name, blocks: template.blocks, created_at: template.createdAt, updated_at: template.updatedAt };
}

async function findTemplate(scope: WorkspaceScope, id: string): Promise<Template> {
  const template = await db().template.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!template) throw new AppError('not_found', 'No such template.');
  return template;
}

function uniqueName<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', 'name: a template with this name exists', [{ field: 'name', message: 'is already used' }]);
    }
    throw error;
  });
}

/** listTemplates returns the workspace's templates by name. */
export function listTemplates(scope: WorkspaceScope): Promise<Template[]> {
  return db().template.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { name: 'asc' } });
}

/** TemplateWithUsage is a template and how many of the workspace's routes use it. */
export type TemplateWithUsage = Template & { routeCount: number };

/** listTemplatesWithUsage returns the workspace's templates by name, each with the number of routes using it. */
export async function listTemplatesWithUsage(scope: WorkspaceScope): Promise<TemplateWithUsage[]> {
  const rows = await db().template.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: { name: 'asc' },
    include: { _count: { select: { routes: true } } },
  });
  return rows.map(({ _count, ...template }) => ({ ...template, routeCount: _count.routes }));
}

/** getTemplate returns one template of the workspace. */
export function getTemplate(scope: WorkspaceScope, id: string): Promise<Template> {
  return findTemplate(scope, id);
}

/** createTemplate saves a validated template (admins only). */
export function createTemplate(scope: WorkspaceScope, input: TemplateInput): Promise<Template> {
  assertAdmin(scope);
  return uniqueName(db().template.create({ data: { workspaceId: scope.workspaceId, name: input.name, blocks: input.blocks as unknown as Prisma.InputJsonValue } }));
}

/** updateTemplate replaces a template's name and blocks (admins only). */
export async function updateTemplate(scope: WorkspaceScope, id: string, input: TemplateInput): Promise<Template> {
  assertAdmin(scope);
  await findTemplate(scope, id);
  return uniqueName(db().template.update({ where: { id }, data: { name: input.name, blocks: input.blocks as unknown as Prisma.InputJsonValue } }));
}

/** deleteTemplate removes a template no route uses (admins only). */
export async function deleteTemplate(scope: WorkspaceScope, id: string): Promise<void> {
  assertAdmin(scope);
  await findTemplate(scope, id);
  const users = await db().route.count({ where: { workspaceId: scope.workspaceId, templateId: id } });
  if (users) throw new AppError('conflict', `The template is used by ${users} route(s); change them first.`);
  await db().template.delete({ where: { id } });
}

/** previewTemplate renders a sample alert with unsaved blocks, a saved template, or the default layout. */
export async function previewTemplate(scope: WorkspaceScope, preview: TemplatePreview): Promise<{ text: string; blocks: Block[] }> {
  const blocks = preview.blocks ?? (preview.templateId ? ((await findTemplate(scope, preview.templateId)).blocks as unknown as Block[]) : null);
  return renderAlertBlocks(sampleAlert(preview.severity, preview.alert), blocks, { dashboardUrl: `${env().appUrl}/w/${scope.workspaceId}` });
}
