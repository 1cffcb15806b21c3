import { connect, type Socket } from 'node:net';

/** A raw TCP client for what `fetch` cannot do: send headers and hold the body back, or trickle it. */
export interface RawClient {
  readonly socket: Socket;
  /** Everything the server has written so far. */
  received(): string;
  /** Resolves once the server has written a whole status line and headers (or closed the socket). */
  responseHead(): Promise<{ status: number | undefined; head: string }>;
  /** Resolves once the server has closed the connection. */
  closed(): Promise<void>;
  write(data: string | Buffer): void;
  destroy(): void;
}

/** Opens a connection to `port` on loopback and, if given, writes `initial` at once. */
export function openRawClient(port: number, initial?: string | Buffer): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    let ended = false;
    const waiters: (() => void)[] = [];
    const wake = () => waiters.splice(0).forEach((waiter) => waiter());
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      wake();
    });
    socket.on('close', () => {
      ended = true;
      wake();
    });
    // A reset after the server cut us off is an answer, not a failure of the test.
    socket.on('error', () => {});
    const until = (done: () => boolean) =>
      new Promise<void>((resolveWait) => {
        const check = () => (done() ? resolveWait() : waiters.push(check));
        check();
      });
    socket.once('connect', () => {
      if (initial !== undefined) socket.write(initial);
      resolve({
        socket,
        received: () => text,
        async responseHead() {
          await until(() => ended || text.includes('\r\n\r\n'));
          const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
          return {
            status: status === undefined ? undefined : Number(status),
            head: text.split('\r\n\r\n')[0] ?? '',
          };
        },
        closed: () => until(() => ended),
        write: (data) => {
          if (!socket.destroyed) socket.write(data);
        },
        destroy: () => socket.destroy(),
      });
    });
    socket.once('error', reject);
  });
}

/** The request line and headers of a POST, ready to be followed by its body (or not). */
export function postHead(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: '127.0.0.1', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
