import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleBrowser } from './browser';
import { handleControl } from './control';
import { sendHtml, sendJson } from './http';
import { OAUTH_AUTHORIZE_PATH, handleConsent } from './oauth-pages';
import { errorPage } from './pages';
import { loadState, persistState } from './persistence';
import { defaultWorkspaces, type SeedWorkspace } from './seed';
import { EmulatorState } from './state';
import { handleWebApi } from './web-api';

/** SlackEmulatorOptions configure an emulator instance. */
export interface SlackEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Signs outgoing events, interactions and slash commands. */
  signingSecret: string;
  /** The app's OAuth credentials, checked by oauth.v2.access and openid.connect.token. */
  clientId: string;
  clientSecret: string;
  /** The app's base URL: requests go to `/api/slack/events`, `/api/slack/interactions`, `/api/slack/commands`. */
  appUrl?: string;
  /** Default true: chat.postMessage paced at 1/s per channel (bursts of 3), chat.update at Tier 3 per workspace (HTTP 429). */
  pacing?: boolean;
  /** Default false: when true, tokens expire after 12 h and come with single-use refresh tokens. */
  tokenRotation?: boolean;
  /** Default: the Acme and Globex sandboxes of `seed.ts`. */
  workspaces?: SeedWorkspace[];
  /** The emulator's clock in ms (default Date.now); tests move it to expire codes, triggers and tokens. */
  now?: () => number;
  /** How long to wait for the app's answer (default 10 s; Slack waits 3 s, dev servers compile slower). */
  appTimeoutMs?: number;
  /** A file to keep the state in across restarts (the sandbox's `.data/slack-emulator.json`); unset: memory only. */
  stateFile?: string;
  /**
   * An app-level token (`xapp-…`, granted `connections:write`): the emulator speaks Socket Mode, and events,
   * clicks and commands go to the app over its WebSocket instead of signed HTTP. Unset: HTTP.
   */
  appToken?: string;
}

/** SlackEmulator is a running emulator. */
export interface SlackEmulator {
  /** Base URL, e.g. `http://127.0.0.1:3900`. */
  url: string;
  /** `url + '/api/'`: the app's SLACK_API_URL. */
  apiUrl: string;
  /** `url + '/oauth/v2/authorize'`: the app's SLACK_AUTHORIZE_URL. */
  authorizeUrl: string;
  state: EmulatorState;
  setAppUrl(url: string): void;
  close(): Promise<void>;
}

/** startSlackEmulator starts an HTTP server emulating Slack's Web API, OAuth pages and client. */
export async function startSlackEmulator(options: SlackEmulatorOptions): Promise<SlackEmulator> {
  const state = new EmulatorState({
    signingSecret: options.signingSecret,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    appUrl: options.appUrl,
    pacing: options.pacing ?? true,
    tokenRotation: options.tokenRotation ?? false,
    workspaces: options.workspaces ?? defaultWorkspaces(),
    now: options.now ?? Date.now,
    appTimeoutMs: options.appTimeoutMs ?? 10_000,
    appToken: options.appToken,
  });
  const persistence = options.stateFile ? persistState(state, options.stateFile) : null;
  if (options.stateFile) loadState(state, options.stateFile);
  const server = createServer((req, res) => {
    if (persistence) res.once('finish', () => persistence.changed());
    route(req, res, state).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error', detail: err instanceof Error ? err.message : String(err) });
      else res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (state.socketMode) state.socketMode.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  // Callers reuse connections as they do with slack.com: undici (fetch) drops a socket whose keep-alive ends
  // within a second, so a shorter timeout would cost every Web API call a new connection.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  state.baseUrl = url;
  return {
    url,
    apiUrl: `${url}/api/`,
    authorizeUrl: `${url}${OAUTH_AUTHORIZE_PATH}`,
    state,
    setAppUrl: (appUrl) => state.setAppUrl(appUrl),
    close: async () => {
      state.socketMode?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      persistence?.flush();
    },
  };
}

/** route dispatches a request to the Web API, the consent pages, the control API or the browser pages. */
async function route(req: IncomingMessage, res: ServerResponse, state: EmulatorState): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
  if (api?.[1]) return handleWebApi(req, res, api[1], url, state);
  if (await handleConsent(req, res, url, state)) return;
  if (url.pathname.startsWith('/_emulator/') && (await handleControl(req, res, url, state))) return;
  if (await handleBrowser(req, res, url, state)) return;
  sendHtml(res, 404, errorPage('Not found', `Nothing at ${url.pathname}.`));
}
