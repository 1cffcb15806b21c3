import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP proxy that can hold every byte in both directions, as a frozen process or a stalled
 * network would: while it stalls, neither side reads anything; on `resume` it all flows again.
 */
export interface StallingProxy {
  /** `redis://127.0.0.1:<port>`-style address of the proxy, for the given scheme. */
  url(scheme: string): string;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startStallingProxy(target: { host: string; port: number }): Promise<StallingProxy> {
  const sockets = new Set<Socket>();
  /** Bytes read while stalling (before the pause took hold), delivered in order on resume. */
  const held: [Socket, Buffer][] = [];
  let stalled = false;
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
    const upstream = connect(target);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    stall() {
      stalled = true;
      for (const socket of sockets) socket.pause();
    },
    resume() {
      stalled = false;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
      for (const socket of sockets) socket.resume();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
