// The benchmark's load balancer: a round-robin TCP proxy in front of the app processes (PROXY_PORT, and
// PROXY_BACKENDS: their ports, comma-separated). Each client connection goes to the next backend; one that
// refuses the connection (stopped, or restarting) is skipped for the next, as a load balancer skips an instance
// that is down. The client's bytes wait, unread, until a backend accepts, so a skipped backend never saw any.
import net from 'node:net';

/** startProxy listens on `port` and spreads connections over `backends` (ports on 127.0.0.1) in turn. */
export function startProxy(port: number, backends: number[]): Promise<net.Server> {
  let next = 0;
  const server = net.createServer((client) => {
    client.pause();
    let backend: net.Socket | null = null;
    client.on('error', () => backend?.destroy());
    const connect = (tries: number) => {
      const socket = net.connect(backends[next++ % backends.length]!, '127.0.0.1');
      let connected = false;
      socket.once('connect', () => {
        connected = true;
        backend = socket;
        client.pipe(socket).pipe(client);
        client.resume();
      });
      socket.on('error', () => {
        if (connected) return void client.destroy();
        // Every backend refused: wait a little (a restart under way) before going round again.
        if (tries < backends.length * 20) setTimeout(() => connect(tries + 1), (tries + 1) % backends.length === 0 ? 100 : 0);
        else client.destroy();
      });
    };
    connect(0);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.env.PROXY_PORT) {
  const backends = (process.env.PROXY_BACKENDS ?? '').split(',').map(Number).filter((p) => p > 0);
  void startProxy(Number(process.env.PROXY_PORT), backends);
}
