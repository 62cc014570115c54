import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../tests/support/test-database';
import { startProxy } from './proxy';

const servers: Array<{ close(): unknown }> = [];
afterAll(() => servers.forEach((server) => server.close()));

async function backend(name: string): Promise<number> {
  const server = http.createServer((_request, response) => response.end(name));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

// A new connection per request (no keep-alive): the proxy balances connections.
const get = async (port: number) => (await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } })).text();

describe('the benchmark proxy', () => {
  it('sends connections to the backends in turn and skips one that refuses them', async () => {
    const down = await freePort();
    const backends = [await backend('a'), down, await backend('b')];
    const proxy = await startProxy(0, backends);
    servers.push(proxy);
    const port = (proxy.address() as AddressInfo).port;
    const answers: string[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await get(port));
    expect(answers.filter((a) => a === 'a').length).toBeGreaterThanOrEqual(2);
    expect(answers.filter((a) => a === 'b').length).toBeGreaterThanOrEqual(2);
    expect(answers.every((a) => a === 'a' || a === 'b')).toBe(true);
  });
});
