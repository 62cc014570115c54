import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_NAME } from './directory';
import { readBody, redirect, sendHtml } from './http';
import { SafeHtml, hiddenInputs, html, page } from './layout';
import { errorPage, humans } from './pages';
import type { EmulatorState } from './state';

/** OAUTH_AUTHORIZE_PATH and OPENID_AUTHORIZE_PATH are the consent pages' paths, as on slack.com. */
export const OAUTH_AUTHORIZE_PATH = '/oauth/v2/authorize';
export const OPENID_AUTHORIZE_PATH = '/openid/connect/authorize';

const SCOPE_TEXT: Record<string, string> = {
  'chat:write': 'Send messages as the app',
  'chat:write.public': 'Send messages to channels the app isn’t a member of',
  'channels:read': 'View basic information about public channels',
  'channels:join': 'Join public channels',
  'groups:read': 'View basic information about private channels the app has been added to',
  'channels:history': 'View messages and other content in public channels that the app has been added to',
  'groups:history': 'View messages and other content in private channels that the app has been added to',
  'users:read': 'View people in the workspace',
  'users:read.email': 'View email addresses of people in the workspace',
  'im:write': 'Start direct messages with people',
  'usergroups:read': 'View user groups in the workspace',
  'usergroups:write': 'Create and manage user groups',
  'team:read': 'View the name, email domain, and icon for the workspace',
  commands: 'Add shortcuts and/or slash commands that people can use',
  openid: 'View information about your identity',
  profile: 'View your name and profile picture',
  email: 'View your email address',
};

interface Flow {
  kind: 'oauth' | 'openid';
  path: string;
  botScopes(q: URLSearchParams): string[];
  userScopes(q: URLSearchParams): string[];
  /** Returns an error message when the request is malformed. */
  problem(q: URLSearchParams): string | undefined;
}

const splitScopes = (value: string | null) => (value ?? '').split(/[\s,]+/).filter(Boolean);

const FLOWS: Flow[] = [
  {
    kind: 'oauth',
    path: OAUTH_AUTHORIZE_PATH,
    botScopes: (q) => splitScopes(q.get('scope')),
    userScopes: (q) => splitScopes(q.get('user_scope')),
    problem: (q) => (splitScopes(q.get('scope')).length + splitScopes(q.get('user_scope')).length === 0 ? 'No scopes were requested.' : undefined),
  },
  {
    kind: 'openid',
    path: OPENID_AUTHORIZE_PATH,
    botScopes: () => [],
    userScopes: (q) => splitScopes(q.get('scope')),
    problem: (q) =>
      q.get('response_type') !== 'code' ? 'response_type must be "code".' : !splitScopes(q.get('scope')).includes('openid') ? 'The openid scope is required.' : undefined,
  },
];

/** handleConsent serves both consent pages (GET) and their Allow/Cancel form posts; false for other paths. */
export async function handleConsent(req: IncomingMessage, res: ServerResponse, url: URL, state: EmulatorState): Promise<boolean> {
  const flow = FLOWS.find((f) => f.path === url.pathname);
  if (!flow || (req.method !== 'GET' && req.method !== 'POST')) return false;
  const q = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
  const redirectUri = q.get('redirect_uri') ?? '';
  const problem =
    q.get('client_id') !== state.config.clientId
      ? 'Invalid client_id parameter.'
      : !/^https?:\/\//.test(redirectUri)
        ? 'redirect_uri is missing or not an http(s) URL.'
        : flow.problem(q);
  if (problem) {
    sendHtml(res, 400, errorPage('Something went wrong when authorizing this app', problem));
    return true;
  }
  if (req.method === 'GET') {
    sendHtml(res, 200, consentPage(state, flow, q));
    return true;
  }
  const back = new URL(redirectUri);
  const teamId = q.get('team') ?? '';
  const userId = q.get(`user_${teamId}`) || (state.directory.owner(teamId)?.id ?? '');
  if (q.get('decision') !== 'allow') {
    back.searchParams.set('error', 'access_denied');
  } else if (!state.directory.user(teamId, userId)) {
    sendHtml(res, 400, errorPage('Unknown workspace or user', `${teamId} / ${userId}`));
    return true;
  } else {
    const code = state.credentials.issueCode({
      flow: flow.kind,
      clientId: state.config.clientId,
      redirectUri,
      teamId,
      userId,
      botScopes: flow.botScopes(q),
      userScopes: flow.userScopes(q),
      nonce: q.get('nonce') ?? undefined,
    });
    back.searchParams.set('code', code);
  }
  if (q.has('state')) back.searchParams.set('state', q.get('state') ?? '');
  redirect(res, back.toString());
  return true;
}

/** consentPage asks the signed-in user to pick a workspace and allow the requested scopes. */
function consentPage(state: EmulatorState, flow: Flow, q: URLSearchParams): string {
  const workspaces = state.directory.list();
  const preselected = q.get('team') ?? workspaces[0]?.id;
  const { team: _team, ...carried } = Object.fromEntries(q);
  const heading = flow.kind === 'oauth' ? `${APP_NAME} is requesting permission to access a Slack workspace` : `Sign in to ${APP_NAME} with Slack`;
  const scopeList = (title: string, scopes: string[]) =>
    scopes.length === 0
      ? ''
      : html`<h2>${title}</h2><ul class="scopes">${scopes.map((s) => html`<li><code>${s}</code> — ${SCOPE_TEXT[s] ?? 'Access granted by this scope'}</li>`)}</ul>`;
  const body = html`<div class="card consent"><h1>${heading}</h1>
    <form method="post" action="${flow.path}">${hiddenInputs(carried)}
      ${workspaces.length > 1
        ? html`<label for="team">Workspace</label><select id="team" name="team">${workspaces.map((w) => html`<option value="${w.id}"${selected(w.id === preselected)}>${w.name} (${w.domain}.slack.com)</option>`)}</select>`
        : hiddenInputs({ team: workspaces[0]?.id })}
      ${workspaces.map((w) => {
        const owner = state.directory.owner(w.id);
        return html`<label for="user_${w.id}">Signed in to ${w.name} as</label><select id="user_${w.id}" name="user_${w.id}">${humans(w).map((u) => html`<option value="${u.id}"${selected(u.id === owner?.id)}>${u.realName} (${u.email})</option>`)}</select>`;
      })}
      ${scopeList(`What will ${APP_NAME} be able to do?`, flow.botScopes(q))}
      ${scopeList(flow.kind === 'oauth' ? 'On your behalf, it will be able to' : `${APP_NAME} will be able to see`, flow.userScopes(q))}
      <div class="buttons"><button type="submit" name="decision" value="cancel">Cancel</button>
      <button type="submit" name="decision" value="allow" class="primary">Allow</button></div>
    </form></div>`;
  return page(heading, body);
}

function selected(on: boolean): SafeHtml {
  return new SafeHtml(on ? ' selected' : '');
}
