import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a service (PostgreSQL, Redis) that can fail it the ways production does:
 * `stall` holds every byte both ways, as a frozen process or a stalled network would, until
 * `resume`; `cut` drops every connection and refuses new ones, as a restart would, until `restore`.
 */
export interface FaultProxy {
  /** The proxy's address with the given scheme and path, e.g. `url('redis')`. */
  url(scheme: string, path?: string): string;
  stall(): void;
  resume(): void;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  /** Bytes read while stalling (before the pause took hold), delivered in order on resume. */
  const held: [Socket, Buffer][] = [];
  let stalled = false;
  let down = false;
  const forward = (from: Socket, to: Socket) => {
    sockets.add(from);
    if (stalled) from.pause();
    from.on('data', (chunk: Buffer) => (stalled ? held.push([to, chunk]) : to.write(chunk)));
    from.on('close', () => {
      sockets.delete(from);
      to.destroy();
    });
    from.on('error', () => from.destroy());
  };
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(target);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (scheme, path = '') => `${scheme}://127.0.0.1:${port}${path}`,
    stall() {
      stalled = true;
      for (const socket of sockets) socket.pause();
    },
    resume() {
      stalled = false;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
      for (const socket of sockets) socket.resume();
    },
    cut() {
      down = true;
      held.length = 0;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
