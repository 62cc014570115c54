// The set-up most Slack flow tests share: the emulator, Klaxon's Slack endpoints served to it over HTTP, the
// workspaces installed by the consent flow, and an API-key scope of the first — in the file's own database
// unless it asks to share the common one.
import type { SlackEmulator } from '@/emulator/server';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { keyScope } from './alert-fixtures';
import { installWorkspace } from './install-flow';
import { dropOwnDatabase, useOwnDatabase } from './own-database';
import { startSlackAppServer, type SlackAppServer } from './slack-app-server';
import { startSandboxSlack, type SandboxWorkspaces } from './slack-sandbox';

/** InstalledSandbox is what startInstalledSandbox set up; `stop` tears it down in reverse. */
export interface InstalledSandbox {
  emulator: SlackEmulator;
  workspaces: SandboxWorkspaces;
  app: SlackAppServer;
  /** An API key's scope in the acme workspace, and the key. */
  scope: WorkspaceScope;
  key: string;
  stop(): Promise<void>;
}

const OWNERS = { acme: 'U0ACMEOWN1', globex: 'U0GLBXOWN1' } as const;

/** startInstalledSandbox installs acme (and globex with `both`), as its owner, through the emulator's consent page. */
export async function startInstalledSandbox(options: { both?: boolean; ownDatabase?: boolean } = {}): Promise<InstalledSandbox> {
  const ownDatabase = options.ownDatabase ?? true;
  if (ownDatabase) await useOwnDatabase();
  const { emulator, workspaces } = await startSandboxSlack();
  const app = await startSlackAppServer();
  emulator.setAppUrl(app.url);
  await installWorkspace(workspaces.acme.id, OWNERS.acme);
  if (options.both) await installWorkspace(workspaces.globex.id, OWNERS.globex);
  const { scope, key } = await keyScope(workspaces.acme.id);
  return {
    emulator,
    workspaces,
    app,
    scope,
    key,
    stop: async () => {
      await app.close();
      await emulator.close();
      if (ownDatabase) await dropOwnDatabase();
    },
  };
}
