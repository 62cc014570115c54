import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, redirect, sendHtml } from './http';
import { channelPage, errorPage, homePage, indexPage } from './pages';
import type { EmulatorState } from './state';
import type { AppResponse } from './types';

/**
 * handleBrowser serves the emulator's Slack-like pages (workspaces, channels, App Home) and the form
 * posts behind their buttons; it returns false when the path is not one of them.
 */
export async function handleBrowser(req: IncomingMessage, res: ServerResponse, url: URL, state: EmulatorState): Promise<boolean> {
  const path = url.pathname;
  if (req.method === 'GET' && path === '/') {
    sendHtml(res, 200, indexPage(state));
    return true;
  }
  const m = /^\/t\/([^/]+)\/(c|home|modal|uninstall)(?:\/([^/]+))?(?:\/(action|submit|close))?$/.exec(path);
  if (!m) return false;
  const [, teamId = '', kind, id = '', verb] = m;
  const ws = state.directory.workspace(teamId);
  if (!ws) {
    sendHtml(res, 404, errorPage('Workspace not found', `There is no workspace ${teamId}.`));
    return true;
  }
  const form = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
  const banner = url.searchParams.get('banner') ?? undefined;

  if (kind === 'uninstall' && req.method === 'POST') {
    await state.uninstall(ws.id);
    redirect(res, '/');
    return true;
  }
  if (kind === 'c') {
    const channel = state.directory.channel(ws.id, id);
    if (!channel) {
      sendHtml(res, 404, errorPage('Channel not found', `There is no channel ${id} in ${ws.name}.`));
      return true;
    }
    const asId = form.get('as') ?? url.searchParams.get('as') ?? '';
    const as = state.directory.user(ws.id, asId) ?? state.directory.owner(ws.id);
    if (!as) return false;
    if (verb === 'action' && req.method === 'POST') {
      const click = { teamId: ws.id, channelId: channel.id, ts: form.get('ts') ?? '', userId: as.id, ...actionFields(form) };
      const response = await state.clickButton(click);
      await state.appSettled();
      redirect(res, withBanner(`/t/${ws.id}/c/${channel.id}?as=${as.id}`, response));
      return true;
    }
    sendHtml(res, 200, channelPage(state, ws, channel, as, banner));
    return true;
  }
  const user = state.directory.user(ws.id, id);
  if (!user) {
    sendHtml(res, 404, errorPage('User not found', `There is no user ${id} in ${ws.name}.`));
    return true;
  }
  const back = sameOriginPath(req, `/t/${ws.id}/home/${user.id}`);
  if (kind === 'home' && verb === 'action' && req.method === 'POST') {
    const response = await state.clickViewButton({ teamId: ws.id, userId: user.id, ...actionFields(form) });
    await state.appSettled();
    redirect(res, withBanner(back, response));
  } else if (kind === 'modal' && verb === 'submit' && req.method === 'POST') {
    const values = Object.fromEntries([...form].filter(([k]) => k.startsWith('v:')).map(([k, v]) => [k.slice(2), v]));
    const response = await state.submitModal({ teamId: ws.id, userId: user.id, values });
    await state.appSettled();
    redirect(res, withBanner(back, response));
  } else if (kind === 'modal' && verb === 'close' && req.method === 'POST') {
    const response = await state.closeModal(ws.id, user.id);
    redirect(res, response ? withBanner(back, response) : back);
  } else if (kind === 'home' && req.method === 'GET') {
    // Opening the Home tab is what makes Slack send app_home_opened, and the app publish the tab's view.
    const opened = ws.installation?.active ? await state.sendEvent(ws.id, { type: 'app_home_opened', user: user.id, tab: 'home' }) : undefined;
    if (opened) await state.appSettled();
    sendHtml(res, 200, homePage(state, ws, user, banner ?? (opened && !(opened.status >= 200 && opened.status < 300) ? bannerText(opened) : undefined)));
  } else {
    return false;
  }
  return true;
}

function actionFields(form: URLSearchParams): { actionId: string; blockId?: string; value?: string } {
  return { actionId: form.get('action_id') ?? '', blockId: form.get('block_id') || undefined, value: form.get('value') ?? undefined };
}

/** withBanner adds an error banner to a redirect when the app did not answer 2xx. */
function withBanner(path: string, response: AppResponse): string {
  if (response.status >= 200 && response.status < 300) return path;
  const u = new URL(path, 'http://x');
  u.searchParams.set('banner', bannerText(response));
  return `${u.pathname}${u.search}`;
}

function bannerText(response: AppResponse): string {
  return response.error ? `The app could not be reached: ${response.error}` : `The app answered HTTP ${response.status}`;
}

/** sameOriginPath returns the Referer's path (without a banner) when it points here, else `fallback`. */
function sameOriginPath(req: IncomingMessage, fallback: string): string {
  try {
    const referer = new URL(req.headers.referer ?? '');
    if (referer.host !== req.headers.host) return fallback;
    referer.searchParams.delete('banner');
    return `${referer.pathname}${referer.search}`;
  } catch {
    return fallback;
  }
}
