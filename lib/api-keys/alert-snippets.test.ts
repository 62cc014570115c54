// The snippets shown with a new key really send the alert: each one that this machine can run is run
// against a local HTTP server standing in for Klaxon.
import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertSnippets } from './alert-snippets';

const run = promisify(execFile);
const KEY = 'klx_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
let server: Server;
let appUrl: string;
const received: Array<{ method?: string; url?: string; auth?: string; body: unknown }> = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'klaxon-snippets-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, auth: req.headers.authorization, body: JSON.parse(text) as unknown });
      res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"id":"a1","status":"triggered"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const snippet = (language: string) => alertSnippets(appUrl, KEY).find((s) => s.language === language)!.code;

async function has(command: string): Promise<boolean> {
  return run(command, ['--version']).then(
    () => true,
    () => false,
  );
}

describe('alertSnippets', () => {
  it('offers curl, Node.js, Python and Go, each with the key and the alerts URL', () => {
    const snippets = alertSnippets('https://klaxon.example.com', KEY);
    expect(snippets.map((s) => s.language)).toEqual(['curl', 'Node.js', 'Python', 'Go']);
    for (const { code } of snippets) {
      expect(code).toContain(`Bearer ${KEY}`);
      expect(code).toContain('https://klaxon.example.com/api/v1/alerts');
    }
  });

  it('the Node.js snippet sends the alert', async () => {
    const file = path.join(dir, 'send.mjs');
    writeFileSync(file, snippet('Node.js'));
    const { stdout } = await run(process.execPath, [file]);
    expect(stdout).toContain('202');
    expect(received.at(-1)).toEqual({ method: 'POST', url: '/api/v1/alerts', auth: `Bearer ${KEY}`, body: expect.objectContaining({ severity: 'critical', source: 'node' }) as unknown });
  });

  it('the Python snippet sends the alert (where python3 is installed)', async (context) => {
    if (!(await has('python3'))) return context.skip();
    const file = path.join(dir, 'send.py');
    writeFileSync(file, snippet('Python'));
    const { stdout } = await run('python3', [file]);
    expect(stdout).toContain('202');
    expect(received.at(-1)).toMatchObject({ method: 'POST', auth: `Bearer ${KEY}`, body: { source: 'python' } });
  });

  it('the Go snippet sends the alert (where go is installed)', async (context) => {
    if (!(await run('go', ['version']).then(() => true, () => false))) return context.skip();
    const file = path.join(dir, 'main.go');
    writeFileSync(file, snippet('Go'));
    const { stdout } = await run('go', ['run', file], { timeout: 60_000 });
    expect(stdout).toContain('202');
    expect(received.at(-1)).toMatchObject({ method: 'POST', auth: `Bearer ${KEY}`, body: { source: 'go' } });
  });
});
