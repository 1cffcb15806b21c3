import { request as httpRequest } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installServingCount } from '../../src/adapters/http/serving-count.js';
import { ServingFirst } from '../../src/app/serving-first.js';

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the HTTP edge counts the requests background work lets go first', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function appWith(serving: ServingFirst, handlerGate: Promise<void>): Promise<FastifyInstance> {
    const built = Fastify();
    installServingCount(built, serving);
    built.get('/slow', async () => {
      await handlerGate;
      return { ok: true };
    });
    built.get('/fails', async () => {
      throw new Error('boom');
    });
    built.get('/live', { config: { longLived: true } }, async () => {
      await handlerGate;
      return 'stream';
    });
    await built.ready();
    return built;
  }

  it('counts a request while it is served and not after, whatever its outcome', async () => {
    const serving = new ServingFirst();
    const handler = gate();
    app = await appWith(serving, handler.opened);
    const slow = app.inject({ method: 'GET', url: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(serving.inFlight).toBe(1);
    handler.open();
    expect((await slow).statusCode).toBe(200);
    expect(serving.inFlight).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/fails' })).statusCode).toBe(500);
    expect((await app.inject({ method: 'GET', url: '/nowhere' })).statusCode).toBe(404);
    expect(serving.inFlight).toBe(0);
  });

  it('leaves long-lived responses (live streams) out', async () => {
    const serving = new ServingFirst();
    const handler = gate();
    app = await appWith(serving, handler.opened);
    const live = app.inject({ method: 'GET', url: '/live' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(serving.inFlight).toBe(0);
    handler.open();
    await live;
    expect(serving.inFlight).toBe(0);
  });

  it('stops counting a request whose client went away before the answer', async () => {
    const serving = new ServingFirst();
    const handler = gate();
    app = await appWith(serving, handler.opened);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const client = httpRequest({ host: '127.0.0.1', port, path: '/slow' });
    client.on('error', () => undefined);
    client.end();
    while (serving.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    client.destroy();
    while (serving.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(serving.inFlight).toBe(0);
    handler.open();
  });
});
