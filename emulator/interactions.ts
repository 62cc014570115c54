import { APP_ID, VERIFICATION_TOKEN } from './directory';
import type { EmulatorState } from './state';
import type { AppResponse, SlackUser, Workspace } from './types';
import { toSlackView, type StoredView } from './views';

type Json = Record<string, unknown>;

/** MessageClick identifies a button (or select, with `value`) on a channel message and who clicks it. */
export interface MessageClick {
  teamId: string;
  channelId: string;
  ts: string;
  actionId: string;
  /** The clicking user; defaults to the workspace owner. */
  userId?: string;
  blockId?: string;
  /** For selects and overflow menus: the chosen option's value. */
  value?: string;
}

/** ViewClick identifies a button in a user's App Home (or, with `surface: 'modal'`, their open modal). */
export interface ViewClick {
  teamId: string;
  userId: string;
  actionId: string;
  blockId?: string;
  value?: string;
  surface?: 'home' | 'modal';
}

/** ModalSubmission submits a user's open modal; `values` are keyed by action_id. */
export interface ModalSubmission {
  teamId: string;
  userId: string;
  values?: Record<string, string>;
}

/** clickMessageButton sends a signed `block_actions` payload for a click on a message. */
export function clickMessageButton(state: EmulatorState, input: MessageClick): Promise<AppResponse> {
  const { ws, user } = actor(state, input.teamId, input.userId);
  const channel = state.directory.channel(ws.id, input.channelId);
  const message = state.store.find(input.channelId, input.ts);
  if (!channel || !message) throw new Error(`no message ${input.ts} in ${input.channelId}`);
  const action = buildAction(message.blocks ?? [], input);
  const responseId = state.credentials.issueResponseUrl({ teamId: ws.id, channelId: channel.id, userId: user.id, messageTs: message.ts });
  return sendPayload(state, {
    ...common(state, ws, user),
    container: { type: 'message', message_ts: message.ts, channel_id: channel.id, is_ephemeral: false },
    channel: { id: channel.id, name: channel.isPrivate ? 'privategroup' : channel.name },
    message: state.store.toSlack(message),
    state: { values: {} },
    response_url: `${state.baseUrl}/_emulator/response/${responseId}`,
    actions: [action],
  });
}

/** clickViewButton sends a signed `block_actions` payload for a click in the App Home or a modal. */
export function clickViewButton(state: EmulatorState, input: ViewClick): Promise<AppResponse> {
  const { ws, user } = actor(state, input.teamId, input.userId);
  const view = input.surface === 'modal' ? state.views.modal(ws.id, user.id) : state.views.home(ws.id, user.id);
  if (!view) throw new Error(`no ${input.surface ?? 'home'} view for ${user.id}`);
  return sendPayload(state, {
    ...common(state, ws, user),
    container: { type: 'view', view_id: view.id },
    view: toSlackView(view, APP_ID, ws.botId),
    actions: [buildAction(view.blocks, input)],
  });
}

/** submitModal sends a signed `view_submission` and applies the app's `response_action`. */
export async function submitModal(state: EmulatorState, input: ModalSubmission): Promise<AppResponse> {
  const { ws, user } = actor(state, input.teamId, input.userId);
  const view = state.views.modal(ws.id, user.id);
  if (!view) throw new Error(`no open modal for ${user.id}`);
  const response = await sendPayload(state, {
    ...common(state, ws, user),
    view: toSlackView(view, APP_ID, ws.botId, stateValues(view, input.values ?? {})),
    response_urls: [],
  });
  applyResponseAction(state, view, response);
  return response;
}

/** closeModal closes the user's modal and, when the view set `notify_on_close`, sends `view_closed`. */
export async function closeModal(state: EmulatorState, teamId: string, userId: string): Promise<AppResponse | undefined> {
  const { ws, user } = actor(state, teamId, userId);
  const view = state.views.modal(ws.id, user.id);
  if (!view) return undefined;
  state.views.closeModal(ws.id, user.id);
  if (!view.notifyOnClose) return undefined;
  const { trigger_id: _unused, ...base } = common(state, ws, user);
  return sendPayload(state, { ...base, type: 'view_closed', view: toSlackView(view, APP_ID, ws.botId), is_cleared: false });
}

/** sendPayload delivers an interaction payload to the app; `type` defaults from the payload. */
function sendPayload(state: EmulatorState, payload: Json): Promise<AppResponse> {
  const type = payload.type ?? ('actions' in payload ? 'block_actions' : 'view_submission');
  return state.app.sendInteraction({ type, ...payload });
}

/** common holds the fields every interaction payload carries, including a fresh trigger_id. */
function common(state: EmulatorState, ws: Workspace, user: SlackUser): Json {
  return {
    user: { id: user.id, username: user.name, name: user.name, team_id: ws.id },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: state.credentials.issueTrigger(ws.id, user.id),
    team: { id: ws.id, domain: ws.domain },
    enterprise: null,
    is_enterprise_install: false,
  };
}

function actor(state: EmulatorState, teamId: string, userId?: string): { ws: Workspace; user: SlackUser } {
  const ws = state.directory.workspace(teamId);
  const user = userId ? state.directory.user(teamId, userId) : state.directory.owner(teamId);
  if (!ws || !user) throw new Error(`unknown workspace or user: ${teamId} ${userId ?? ''}`);
  return { ws, user };
}

/** buildAction finds the element in `blocks` and describes the click the way Slack's `actions[]` do. */
function buildAction(blocks: unknown[], input: { actionId: string; blockId?: string; value?: string }): Json {
  for (const block of blocks as Json[]) {
    if (input.blockId !== undefined && block.block_id !== input.blockId) continue;
    const elements = [...(Array.isArray(block.elements) ? (block.elements as Json[]) : []), block.accessory as Json | undefined];
    const el = elements.find((e) => e?.action_id === input.actionId);
    if (!el) continue;
    const base = { action_id: el.action_id, block_id: block.block_id, type: el.type, action_ts: (Date.now() / 1000).toFixed(6) };
    if (el.type === 'button') return { ...base, text: el.text, ...(el.value !== undefined ? { value: el.value } : {}), ...(el.style ? { style: el.style } : {}) };
    const options = Array.isArray(el.options) ? (el.options as Json[]) : [];
    return { ...base, selected_option: options.find((o) => o.value === input.value) ?? options[0] ?? null };
  }
  throw new Error(`no element with action_id ${input.actionId}`);
}

/** stateValues builds `view.state.values` from submitted strings keyed by action_id. */
function stateValues(view: StoredView, values: Record<string, string>): Json {
  const result: Json = {};
  for (const block of view.blocks as Json[]) {
    const el = block.element as Json | undefined;
    if (block.type !== 'input' || !el || typeof el.action_id !== 'string') continue;
    const raw = values[el.action_id] ?? (typeof el.initial_value === 'string' ? el.initial_value : undefined);
    const options = Array.isArray(el.options) ? (el.options as Json[]) : [];
    const value =
      el.type === 'static_select'
        ? { type: el.type, selected_option: options.find((o) => o.value === raw) ?? null }
        : el.type === 'users_select'
          ? { type: el.type, selected_user: raw ?? (typeof el.initial_user === 'string' ? el.initial_user : null) }
          : { type: el.type, value: raw ?? null };
    result[String(block.block_id)] = { [el.action_id]: value };
  }
  return result;
}

/** applyResponseAction handles the app's answer to a view_submission (close, errors, update, push, clear). */
function applyResponseAction(state: EmulatorState, view: StoredView, response: AppResponse): void {
  if (response.status < 200 || response.status >= 300) return;
  const body = (response.json ?? {}) as Json;
  switch (body.response_action) {
    case 'errors':
      view.errors = body.errors as Record<string, string>;
      return;
    case 'update':
      return state.views.replaceModal(view.teamId, view.userId, body.view as Json);
    case 'push':
      state.views.openModal(view.teamId, view.userId, body.view as Json);
      return;
    case 'clear':
      return state.views.closeModal(view.teamId, view.userId, true);
    default:
      state.views.closeModal(view.teamId, view.userId);
  }
}
