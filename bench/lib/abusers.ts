import { connect, type Socket } from 'node:net';

/** A 4 MB event batch, as a stranger without a key would post it. */
export function fourMegabyteBatch(): Buffer {
  const event = {
    type: 'track',
    event: 'Product Viewed',
    anonymousId: 'x',
    properties: { pad: 'y'.repeat(900) },
  };
  const events = Array.from({ length: 4_400 }, () => event);
  return Buffer.from(JSON.stringify({ batch: events }));
}

/** Keeps `clients` connections posting `body` without a key, one after another, until stopped. */
export function postWithoutKey(port: number, clients: number, body: Buffer) {
  let running = true;
  let answered = 0;
  const head = Buffer.from(
    `POST /v1/batch HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n`,
  );
  const once = () =>
    new Promise<void>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => socket.write(Buffer.concat([head, body])));
      socket.once('data', () => answered++);
      socket.on('error', () => {});
      socket.once('close', () => resolve());
    });
  const loops = Array.from({ length: clients }, async () => {
    while (running) await once();
  });
  return {
    answered: () => answered,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Opens `count` connections that send a request's headers one line every few seconds, never finishing. */
export async function openSlowConnections(port: number, count: number) {
  const sockets: Socket[] = [];
  for (let opened = 0; opened < count; opened += 250) {
    await Promise.all(
      Array.from(
        { length: Math.min(250, count - opened) },
        () =>
          new Promise<void>((resolve) => {
            const socket = connect({ host: '127.0.0.1', port }, () => {
              socket.write('POST /v1/batch HTTP/1.1\r\nhost: 127.0.0.1\r\n');
              resolve();
            });
            socket.on('error', () => resolve());
            sockets.push(socket);
          }),
      ),
    );
  }
  const trickle = setInterval(() => sockets.forEach((socket) => socket.write('x-slow: 1\r\n')), 3_000);
  return {
    open: () => sockets.filter((socket) => !socket.destroyed && socket.readyState === 'open').length,
    stop: () => {
      clearInterval(trickle);
      sockets.forEach((socket) => socket.destroy());
    },
  };
}
