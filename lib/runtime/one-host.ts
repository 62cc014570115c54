// One host for every URL a browser sees. Browsers keep cookies per host name, so `localhost` and `127.0.0.1`
// are two sites to them: an OAuth round trip started on one and finished on the other loses its
// browser-binding cookie ("security state did not match this browser"). Only loopback names are folded into
// APP_URL's: behind a reverse proxy the Host header is often internal, and such requests are left alone.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** isLoopbackHost tells whether a URL's hostname names this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * canonicalUrl returns `url` moved to APP_URL's origin when the browser reached the app under another
 * loopback name (127.0.0.1 for localhost, or the other way round), else null (it is fine as it is).
 */
export function canonicalUrl(url: URL, appUrl: string): URL | null {
  const app = new URL(appUrl);
  if (url.host === app.host || !isLoopbackHost(url.hostname) || !isLoopbackHost(app.hostname) || url.port !== app.port) return null;
  const moved = new URL(url.href);
  moved.protocol = app.protocol;
  moved.host = app.host;
  return moved;
}

/** withHostOf returns `url` under `reference`'s host name when both are loopback names (the printed emulator URL). */
export function withHostOf(url: string, reference: string): string {
  const target = new URL(url);
  const { hostname } = new URL(reference);
  if (target.hostname === hostname || !isLoopbackHost(target.hostname) || !isLoopbackHost(hostname)) return url;
  target.hostname = hostname;
  return target.href.replace(/\/$/, url.endsWith('/') ? '/' : '');
}

// Browser navigations only: API clients (curl, SDKs) get their answer where they asked.
const BROWSER_API_PATHS = new Set(['/api/slack/install', '/api/slack/sign-in']);

/**
 * canonicalLocation is where `npm start`'s server sends a browser's GET or HEAD that reached it under another
 * loopback name than APP_URL's (a page, or the start of an OAuth round trip), or null to serve it here.
 */
export function canonicalLocation(method: string | undefined, path: string, host: string | undefined, appUrl: string): string | null {
  if ((method !== 'GET' && method !== 'HEAD') || !host) return null;
  const pathname = path.split('?')[0] ?? '';
  if (pathname.startsWith('/_next/') || (pathname.startsWith('/api/') && !BROWSER_API_PATHS.has(pathname))) return null;
  let asked: URL;
  try {
    asked = new URL(path, `http://${host}`);
  } catch {
    return null;
  }
  return canonicalUrl(asked, appUrl)?.href ?? null;
}
