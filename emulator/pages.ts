import { APP_NAME } from './directory';
import { SafeHtml, html, page } from './layout';
import { renderBlocks, renderMrkdwn, textOf } from './render-blocks';
import type { EmulatorState } from './state';
import type { SlackChannel, SlackUser, StoredMessage, Workspace } from './types';
import type { StoredView } from './views';

/** indexPage lists the workspaces, their installation state, channels and App Home links. */
export function indexPage(state: EmulatorState): string {
  const cards = state.directory.list().map((ws) => {
    const inst = ws.installation?.active ? ws.installation : undefined;
    return html`<section class="card" aria-labelledby="ws-${ws.id}">
      <h2 id="ws-${ws.id}">${ws.name} <span class="meta">${ws.id} · ${ws.domain}</span></h2>
      <p>${inst ? html`${APP_NAME} is installed (by ${inst.installedBy}; scopes <code>${[...inst.scopes].join(',')}</code>)` : html`${APP_NAME} is not installed.`}</p>
      ${inst ? html`<form method="post" action="/t/${ws.id}/uninstall"><button type="submit" class="danger">Uninstall ${APP_NAME}</button></form>` : ''}
      <h3>Channels</h3>${channelList(ws)}
      <h3>App Home</h3><ul>${humans(ws).map((u) => html`<li><a href="/t/${ws.id}/home/${u.id}">${u.realName}</a></li>`)}</ul>
    </section>`;
  });
  return page('Workspaces', html`<h1>Workspaces</h1>${cards}`);
}

/** channelPage shows a channel's messages rendered from Block Kit, with clickable buttons. */
export function channelPage(state: EmulatorState, ws: Workspace, channel: SlackChannel, as: SlackUser, banner?: string): string {
  const messages = state.store.inChannel(channel.id);
  const topLevel = messages.filter((m) => !m.threadTs || !messages.some((p) => p.ts === m.threadTs));
  const base = `/t/${ws.id}/c/${channel.id}`;
  const ephemeral = state.store.ephemeralIn(channel.id, as.id);
  const body = html`<div class="layout">
    <nav class="channels" aria-label="Channels"><h2>${ws.name}</h2>${channelList(ws, channel.id)}</nav>
    <div>${bannerHtml(banner)}${actAs(ws, as, base)}${modalDialog(state, ws, as)}
      <h1>${channelLabel(ws, channel)}${channel.isArchived ? html` <span class="meta">(archived)</span>` : ''}</h1>
      <p class="meta">${channel.imUser ? `Direct message with ${APP_NAME}` : `${channel.purpose} · ${channel.members.has(ws.botUserId) ? `${APP_NAME} is a member` : `${APP_NAME} is not a member`}`}</p>
      <section aria-label="Messages">${topLevel.length === 0 ? html`<p class="meta">No messages yet.</p>` : ''}
      ${topLevel.map((m) => html`${messageHtml(state, ws, m, base, as)}<div class="thread">${messages.filter((r) => r.threadTs === m.ts).map((r) => messageHtml(state, ws, r, base, as))}</div>`)}
      </section>
      ${ephemeral.map((e) => html`<div class="message ephemeral" aria-label="Only visible to you"><div class="avatar">${APP_NAME[0]}</div><div><div class="meta"><strong>${APP_NAME}</strong> · Only visible to you</div>${e.blocks ? renderBlocks(e.blocks, { userName: (id) => displayNameOf(ws, id) }) : renderMrkdwn(e.text, (id) => displayNameOf(ws, id))}</div></div>`)}
    </div></div>`;
  return page(channelLabel(ws, channel), body);
}

/** homePage shows a user's App Home view, with any modal the app opened for them. */
export function homePage(state: EmulatorState, ws: Workspace, user: SlackUser, banner?: string): string {
  const view = state.views.home(ws.id, user.id);
  const base = `/t/${ws.id}/home/${user.id}`;
  const body = html`${bannerHtml(banner)}${modalDialog(state, ws, user)}
    <h1>${APP_NAME} · Home <span class="meta">as ${user.realName} in ${ws.name}</span></h1>
    <div class="card">${view ? renderBlocks(view.blocks, { actionUrl: `${base}/action` }) : html`<p class="meta">The app has not published a Home tab for this user.</p>`}</div>`;
  return page(`${APP_NAME} Home`, body);
}

/** errorPage is a readable error (bad OAuth request, unknown workspace …). */
export function errorPage(title: string, message: string): string {
  return page(title, html`<div class="card consent" role="alert"><h1>${title}</h1><p>${message}</p><p><a href="/">Back to workspaces</a></p></div>`);
}

/** modalDialog renders the user's open modal as a form that submits a view_submission. */
function modalDialog(state: EmulatorState, ws: Workspace, user: SlackUser): SafeHtml {
  const view: StoredView | undefined = state.views.modal(ws.id, user.id);
  if (!view) return html``;
  const action = `/t/${ws.id}/modal/${user.id}`;
  return html`<dialog open class="modal" aria-labelledby="modal-title"><h2 id="modal-title">${textOf(view.title)}</h2>
    <form method="post" action="${action}/submit">${renderBlocks(view.blocks, { errors: view.errors })}
      <div class="buttons"><button type="submit" formaction="${action}/close">${textOf(view.close) || 'Cancel'}</button>
      <button type="submit" class="primary">${textOf(view.submit) || 'Submit'}</button></div></form></dialog>`;
}

/** displayNameOf is how Slack names a member in a mention (the display name, else the full name), or a user group (its handle). */
function displayNameOf(ws: Workspace, id: string): string | undefined {
  if (id.startsWith('S')) return ws.userGroups?.find((g) => g.id === id)?.handle;
  const user = ws.users.find((u) => u.id === id);
  return user ? user.displayName || user.realName : undefined;
}

function messageHtml(state: EmulatorState, ws: Workspace, m: StoredMessage, base: string, as: SlackUser): SafeHtml {
  const author = ws.users.find((u) => u.id === m.userId);
  const name = author?.isBot ? APP_NAME : (author?.realName ?? m.userId);
  const time = new Date(Number(m.ts) * 1000).toISOString().slice(11, 19);
  const userName = (id: string) => displayNameOf(ws, id);
  const content = m.blocks ? renderBlocks(m.blocks, { actionUrl: `${base}/action`, hidden: { ts: m.ts, as: as.id }, userName }) : renderMrkdwn(m.text, userName);
  return html`<article class="message" id="m-${m.ts}" data-ts="${m.ts}"><div class="avatar" aria-hidden="true">${name[0] ?? '?'}</div>
    <div><div class="meta"><strong>${name}</strong>${author?.isBot ? ' APP' : ''} · <time datetime="${new Date(Number(m.ts) * 1000).toISOString()}">${time}</time></div>
    ${content}${m.edited ? html` <span class="edited">(edited)</span>` : ''}</div></article>`;
}

function actAs(ws: Workspace, as: SlackUser, base: string): SafeHtml {
  return html`<form method="get" action="${base}" class="card"><label for="as">Act as</label>
    <select id="as" name="as">${humans(ws).map((u) => html`<option value="${u.id}"${new SafeHtml(u.id === as.id ? ' selected' : '')}>${u.realName} (@${u.name})</option>`)}</select>
    <button type="submit">Switch</button></form>`;
}

function bannerHtml(banner?: string): SafeHtml {
  return banner ? html`<div class="banner error" role="alert">${banner}</div>` : html``;
}

function channelList(ws: Workspace, current?: string): SafeHtml {
  return html`<ul>${ws.channels
    .filter((c) => !c.isPrivate || c.members.size > 0)
    .map((c) => html`<li><a href="/t/${ws.id}/c/${c.id}"${new SafeHtml(c.id === current ? ' aria-current="page"' : '')}>${channelLabel(ws, c)}${c.isArchived ? ' (archived)' : ''}</a></li>`)}</ul>`;
}

// A direct message is shown by the person it is with, as Slack does; other conversations by their name.
function channelLabel(ws: Workspace, channel: SlackChannel): string {
  if (channel.imUser) return `✉ ${ws.users.find((u) => u.id === channel.imUser)?.realName ?? channel.name}`;
  return `${channel.isPrivate ? '🔒' : '#'}${channel.name}`;
}

/** humans lists a workspace's people (not bots). */
export function humans(ws: Workspace): SlackUser[] {
  return ws.users.filter((u) => !u.isBot);
}
