import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeGracefully } from './close-gracefully';

function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

function get(port: number, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      })
      .on('error', reject);
  });
}

describe('closeGracefully', () => {
  it('lets a request in flight finish, closes idle keep-alive connections and refuses new ones', async () => {
    let release: () => void = () => undefined;
    const { server, port } = await listen((req, res) => {
      if (req.url === '/slow') release = () => res.end('done');
      else res.end('quick');
    });
    const agent = new http.Agent({ keepAlive: true });
    expect((await get(port, agent)).body).toBe('quick');
    const slow = new Promise<{ status: number; body: string }>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/slow', agent: new http.Agent({ keepAlive: true }) }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      }).on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = closeGracefully(server, 5_000);
    await expect(get(port, new http.Agent())).rejects.toThrow(/ECONNREFUSED/);
    let closed = false;
    void closing.then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    release();
    expect(await slow).toEqual({ status: 200, body: 'done' });
    await closing;
    agent.destroy();
  });

  it('cuts what is still running after the grace period', async () => {
    const { server, port } = await listen(() => undefined);
    const hanging = get(port, new http.Agent()).catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await closeGracefully(server, 300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
  });
});
