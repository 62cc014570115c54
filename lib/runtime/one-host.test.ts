import { describe, expect, it } from 'vitest';
import { canonicalLocation, canonicalUrl, isLoopbackHost, withHostOf } from './one-host';

describe('canonicalUrl', () => {
  it("moves a loopback request to APP_URL's host, keeping path and query", () => {
    expect(canonicalUrl(new URL('http://127.0.0.1:3000/w/T1/alerts/a?x=1'), 'http://localhost:3000')?.href).toBe('http://localhost:3000/w/T1/alerts/a?x=1');
    expect(canonicalUrl(new URL('http://localhost:3000/'), 'http://127.0.0.1:3000')?.href).toBe('http://127.0.0.1:3000/');
  });

  it('leaves the canonical host, a public APP_URL (a reverse proxy) and another port alone', () => {
    expect(canonicalUrl(new URL('http://localhost:3000/'), 'http://localhost:3000')).toBeNull();
    expect(canonicalUrl(new URL('http://127.0.0.1:3000/'), 'https://klaxon.example.com')).toBeNull();
    expect(canonicalUrl(new URL('http://10.0.0.5:3000/'), 'http://localhost:3000')).toBeNull();
    expect(canonicalUrl(new URL('http://127.0.0.1:4000/'), 'http://localhost:3000')).toBeNull();
  });
});

describe('withHostOf', () => {
  it("prints the emulator under the dashboard's host name", () => {
    expect(withHostOf('http://127.0.0.1:3001', 'http://localhost:3000')).toBe('http://localhost:3001');
    expect(withHostOf('http://127.0.0.1:3001/oauth/v2/authorize', 'http://localhost:3000')).toBe('http://localhost:3001/oauth/v2/authorize');
    expect(withHostOf('http://127.0.0.1:3001', 'https://klaxon.example.com')).toBe('http://127.0.0.1:3001');
  });

  it('knows loopback names', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(isLoopbackHost('klaxon.example.com')).toBe(false);
  });
});

describe('canonicalLocation', () => {
  const app = 'http://localhost:3000';
  it('moves browser navigations and OAuth starts, not API calls, assets or writes', () => {
    expect(canonicalLocation('GET', '/w/T1?x=1', '127.0.0.1:3000', app)).toBe('http://localhost:3000/w/T1?x=1');
    expect(canonicalLocation('GET', '/api/slack/install', '127.0.0.1:3000', app)).toBe('http://localhost:3000/api/slack/install');
    expect(canonicalLocation('GET', '/api/v1/alerts', '127.0.0.1:3000', app)).toBeNull();
    expect(canonicalLocation('GET', '/_next/static/x.js', '127.0.0.1:3000', app)).toBeNull();
    expect(canonicalLocation('POST', '/w/T1', '127.0.0.1:3000', app)).toBeNull();
    expect(canonicalLocation('GET', '/w/T1', 'localhost:3000', app)).toBeNull();
    expect(canonicalLocation('GET', '/w/T1', undefined, app)).toBeNull();
  });
});
