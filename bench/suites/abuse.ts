import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad, type LoadResult } from '../lib/load.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { startServerProcess } from '../lib/server-process.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
const PUBLISHABLE = 'pk_bench_publishable_0123456789abcdef';
const DECIDE_SECONDS = 5;

/** A product page of the demo store, asked with the merchant's (unlimited) secret key. */
const PAGE = JSON.stringify({
  userId: '17850',
  context: { channel: 'web', device: 'desktop', country: 'GB', page: { type: 'product' } },
  cart: { items: [{ productId: '85123A', quantity: 2 }] },
  recommendations: [{ slot: 'pdp-similar', strategy: 'similar', productId: '85123A', limit: 8 }],
});

/** A 4 MB event batch, as a stranger without a key would post it. */
function fourMegabyteBatch(): Buffer {
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
function postWithoutKey(port: number, clients: number, body: Buffer) {
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
async function openSlowConnections(port: number, count: number) {
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

/**
 * Issue 16's abuse run: decide's p99 quiet, then while (a) 20 clients post 4 MB batches without a
 * key, (b) 5,000 slow connections are open, (c) one key goes past its rate limit. Aim: each p99
 * within 2× of the quiet one. Load generators and server share this machine's cores.
 */
export async function abuseSuite(runs: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-abuse-'));
  const server = await startServerProcess('attune-node', {
    DATA_DIR: dataDir,
    ATTUNE_DEMO: '1',
    ATTUNE_SECRET_KEY: SECRET,
    ATTUNE_PUBLISHABLE_KEY: PUBLISHABLE,
    ATTUNE_RATE_LIMIT_PUBLISHABLE: '100/60s',
    ATTUNE_RATE_LIMIT_KEYLESS: '600/60s',
  });
  const port = Number(new URL(server.url).port);
  const headers = { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' };
  const decide = async (): Promise<LoadResult> => {
    const result = await runLoad({
      url: `${server.url}/v1/decide`,
      method: 'POST',
      headers,
      body: PAGE,
      connections: 8,
      durationSeconds: DECIDE_SECONDS,
    });
    if (result.non2xx > 0 || result.errors > 0) throw new Error('decide calls failed under abuse');
    return result;
  };
  const batch = fourMegabyteBatch();
  const figures = {
    quiet: [] as number[],
    keyless: [] as number[],
    slow: [] as number[],
    limited: [] as number[],
  };
  const notes = { keyless: 0, slowOpen: 0, limited: { refused: 0, total: 0 } };
  try {
    const sample = await fetch(`${server.url}/v1/decide`, { method: 'POST', headers, body: PAGE });
    if (!sample.ok) throw new Error(`decide: ${sample.status} ${await sample.text()}`);
    for (let run = 0; run < runs; run++) {
      figures.quiet.push((await decide()).p99Ms);

      const posters = postWithoutKey(port, 20, batch);
      figures.keyless.push((await decide()).p99Ms);
      await posters.stop();
      notes.keyless = posters.answered();

      const slow = await openSlowConnections(port, 5_000);
      figures.slow.push((await decide()).p99Ms);
      notes.slowOpen = slow.open();
      slow.stop();

      const abuser = runLoad({
        url: `${server.url}/v1/products?limit=5`,
        headers: { authorization: `Bearer ${PUBLISHABLE}` },
        connections: 16,
        durationSeconds: DECIDE_SECONDS + 1,
      });
      figures.limited.push((await decide()).p99Ms);
      const abused = await abuser;
      notes.limited = {
        refused: abused.non2xx,
        total: Math.round(abused.requestsPerSecond * (DECIDE_SECONDS + 1)),
      };
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const quiet = median(figures.quiet);
  const row = (name: string, values: number[], note: string): BenchRow => ({
    suite: 'abuse',
    name,
    measured: `p99 ${formatNumber(median(values), 1)} ms (${formatNumber(median(values) / quiet, 2)}× quiet)`,
    reference: 'aim ≤ 2× quiet',
    note,
  });
  return [
    {
      suite: 'abuse',
      name: 'POST /v1/decide (product page), 8 connections, quiet',
      measured: `p99 ${formatNumber(quiet, 1)} ms`,
    },
    row(
      '… while 20 clients post 4 MB batches without a key',
      figures.keyless,
      `${notes.keyless} posts answered (401 before the body)`,
    ),
    row(
      '… while 5,000 slow connections trickle their headers',
      figures.slow,
      `${notes.slowOpen} still open at the end`,
    ),
    row(
      '… while one publishable key goes past its limit (100/60 s)',
      figures.limited,
      `${notes.limited.refused} of about ${notes.limited.total} answered 429`,
    ),
  ];
}
