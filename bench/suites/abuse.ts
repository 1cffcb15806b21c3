import { mkdtempSync, rmSync } from 'node:fs';
import { fork } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

type AbuseKind = 'keyless' | 'slow' | 'limited';

/** Starts one attacker (bench/servers/abuser.ts) in its own process; `stop` answers what it saw. */
function startAbuser(
  kind: AbuseKind,
  port: number,
): Promise<{ stop: () => Promise<Record<string, number>> }> {
  const child = fork(fileURLToPath(new URL('../servers/abuser.js', import.meta.url)), [], {
    env: {
      ...process.env,
      ATTUNE_BENCH_ABUSE: kind,
      ATTUNE_BENCH_TARGET: String(port),
      ATTUNE_BENCH_KEY: PUBLISHABLE,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const seen = new Promise<Record<string, number>>((resolve) =>
    child.on('message', (message: { seen?: Record<string, number> }) => {
      if (message.seen !== undefined) resolve(message.seen);
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`abuser ${kind} exited with ${code}`)));
    child.once('message', () => {
      child.removeAllListeners('exit');
      resolve({
        stop: async () => {
          child.kill('SIGTERM');
          return seen;
        },
      });
    });
  });
}

/**
 * Issue 16's abuse run: decide's p99 quiet, then while (a) 20 clients post 4 MB batches without a
 * key, (b) 5,000 slow connections are open, (c) one key goes past its rate limit. Aim: each p99
 * within 2× of the quiet one. Each attacker runs in a process of its own (bench/servers/abuser.ts),
 * apart from the client that measures; all of them share this machine's cores with the node.
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

      const posters = await startAbuser('keyless', port);
      figures.keyless.push((await decide()).p99Ms);
      notes.keyless = (await posters.stop())['answered'] ?? 0;

      const slow = await startAbuser('slow', port);
      figures.slow.push((await decide()).p99Ms);
      notes.slowOpen = (await slow.stop())['open'] ?? 0;

      const abuser = await startAbuser('limited', port);
      figures.limited.push((await decide()).p99Ms);
      const seen = await abuser.stop();
      notes.limited = { refused: seen['refused'] ?? 0, total: (seen['refused'] ?? 0) + (seen['ok'] ?? 0) };
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
      `${notes.limited.refused} of ${notes.limited.total} answered 429`,
    ),
  ];
}
