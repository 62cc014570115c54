// The "Add to Slack" flow, composed from @slack/oauth's public parts (install URL generation, the
// InstallationStore interface) because its handleCallback needs Node req/res: state → oauth.v2.access → store.
import { InstallProvider, type Installation } from '@slack/oauth';
import type { OauthV2AccessResponse } from '@slack/web-api';
import { env } from '../env';
import { applySandboxDefaults } from '../workspaces/workspace-settings';
import { slackClient } from './client';
import { prismaInstallationStore } from './installation-store';
import { OAuthFlowError } from './oauth-flow-error';
import { acceptCallback, callSlackForOAuth, type OAuthCallback } from './oauth-callback';
import { installStateStore, issueState } from './oauth-state';
import { BOT_SCOPES } from './scopes';

/** installRedirectUri is where Slack sends the browser back after the consent page. */
export function installRedirectUri(): string {
  return `${env().appUrl}/api/slack/oauth_redirect`;
}

function installProvider(): InstallProvider {
  const { slack } = env();
  return new InstallProvider({
    clientId: slack.clientId,
    clientSecret: slack.clientSecret,
    stateStore: installStateStore,
    installationStore: prismaInstallationStore,
    authorizationUrl: slack.authorizeUrl,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
}

/** beginInstall returns Slack's consent URL and the nonce that binds its state to this browser. */
export async function beginInstall(): Promise<{ url: string; nonce: string }> {
  const { state, nonce } = await issueState('install');
  const url = await installProvider().generateInstallUrl({ scopes: [...BOT_SCOPES], redirectUri: installRedirectUri() }, true, state);
  return { url, nonce };
}

function toInstallation(response: OauthV2AccessResponse): Installation<'v2', false> {
  if (response.is_enterprise_install || !response.team?.id) throw new OAuthFlowError('slack_error', 'org-wide installs are not supported');
  if (!response.access_token || !response.bot_user_id) throw new OAuthFlowError('slack_error', 'no bot token in the answer');
  return {
    team: { id: response.team.id, name: response.team.name },
    enterprise: response.enterprise?.id ? { id: response.enterprise.id, name: response.enterprise.name } : undefined,
    user: { id: response.authed_user?.id ?? '', token: undefined, scopes: undefined },
    bot: {
      token: response.access_token,
      refreshToken: response.refresh_token,
      expiresAt: response.expires_in ? Math.floor(Date.now() / 1000) + response.expires_in : undefined,
      scopes: (response.scope ?? '').split(',').filter(Boolean),
      id: '',
      userId: response.bot_user_id,
    },
    appId: response.app_id,
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

/** InstallResult identifies the installed workspace and the person who installed it. */
export interface InstallResult {
  teamId: string;
  installerSlackUserId: string;
}

/**
 * completeInstall checks the callback (denial, state), exchanges the code with oauth.v2.access and stores the
 * installation. On any failure it throws OAuthFlowError and has stored nothing.
 */
export async function completeInstall(callback: OAuthCallback): Promise<InstallResult> {
  const { code } = await acceptCallback('install', callback);
  const { slack } = env();
  const response = await callSlackForOAuth(() =>
    slackClient().oauth.v2.access({ client_id: slack.clientId, client_secret: slack.clientSecret, code, redirect_uri: installRedirectUri() }),
  );
  const installation = toInstallation(response);
  const auth = await callSlackForOAuth(() => slackClient(installation.bot!.token).auth.test());
  installation.bot!.id = auth.bot_id ?? '';
  await prismaInstallationStore.storeInstallation(installation);
  await applySandboxDefaults(installation.team.id);
  return { teamId: installation.team.id, installerSlackUserId: installation.user.id };
}
