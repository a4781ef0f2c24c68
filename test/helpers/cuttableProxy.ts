/**
 * A TCP proxy on 127.0.0.1 between the app and a private Redis that can reset the connection exactly when a
 * chosen command goes through: the command is not forwarded, both sides get a RST, as with a real network
 * failure. New connections (the client reconnecting) are proxied normally again.
 */
import { once } from 'node:events';
import { createServer, Socket, type Server } from 'node:net';

export class CuttableProxy {
  private trap: RegExp | undefined;
  private readonly sockets = new Set<Socket>();
  /** How many connections were reset by a trap. */
  cuts = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(targetPort: number): Promise<CuttableProxy> {
    const connections: { relay?: (client: Socket) => void } = {};
    const server = createServer((client) => connections.relay?.(client));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    const proxy = new CuttableProxy(server, `redis://127.0.0.1:${port}`);
    connections.relay = (client) => proxy.relay(client, targetPort);
    return proxy;
  }

  /** The next client->server data matching `pattern` resets the connection instead of being forwarded. */
  cutAt(pattern: RegExp): void {
    this.trap = pattern;
  }

  get armed(): boolean {
    return this.trap !== undefined;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket, targetPort: number): void {
    const upstream = new Socket();
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    upstream.connect(targetPort, '127.0.0.1');
    upstream.on('data', (data) => client.write(data));
    client.on('data', (data) => {
      if (this.trap?.test(data.toString('latin1'))) {
        this.trap = undefined;
        this.cuts++;
        client.resetAndDestroy();
        upstream.resetAndDestroy();
        return;
      }
      upstream.write(data);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
