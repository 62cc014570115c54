// Where a browser lands after signing in: the deep link it was sent to sign in from (a "View in Klaxon" link
// from Slack opens /w/{team}/alerts/{id}), kept through the OAuth round trip. Only a path of this app is
// accepted, never another origin: `next` comes from the address bar, so it is an open-redirect vector.

/** REQUEST_PATH_HEADER carries a dashboard request's path and query from proxy.ts to the page that needs it. */
export const REQUEST_PATH_HEADER = 'x-klaxon-request-path';

/** MAX_RETURN_PATH is the longest path kept; a dashboard path is far shorter. */
export const MAX_RETURN_PATH = 1024;

const BASE = 'http://klaxon.invalid';

/**
 * safeReturnPath returns `value` as a same-origin dashboard path (path, query and fragment), or null when it
 * is missing, too long, or could leave the app (`//evil`, `/\evil`, `https://evil`, control characters).
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_RETURN_PATH) return null;
  // Browsers read `\` as `/` and drop tabs and newlines, so `/\evil.example` or `/\t/evil` would go elsewhere.
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || [...value].some((char) => char < ' ' || char === '\u007f')) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * landingPath is where a member of `workspaceId` goes after signing in: the kept path when it is one of that
 * workspace's pages (another workspace's would answer 404 to this session), else the workspace's overview.
 */
export function landingPath(workspaceId: string, returnTo: string | null | undefined): string {
  const home = `/w/${workspaceId}`;
  const path = safeReturnPath(returnTo);
  if (path && (path === home || path.startsWith(`${home}/`) || path.startsWith(`${home}?`) || path.startsWith(`${home}#`))) return path;
  return home;
}

/** signInPath is the sign-in page that brings the browser back to `path` afterwards. */
export function signInPath(path: string | null | undefined): string {
  const next = safeReturnPath(path);
  return next ? `/sign-in?${new URLSearchParams({ next }).toString()}` : '/sign-in';
}
