import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { packageRoot } from '../../src/adapters/files/package-root.js';
import { startFaultProxy } from './fault-proxy.js';

/**
 * Two Attune processes on PostgreSQL and Redis, both reached through {@link FaultProxy}s, under a
 * steady load of event batches, orders against a budgeted coupon and product reads, while faults
 * come one after another: PostgreSQL restarts, Redis restarts, node B is killed with SIGKILL (and
 * started again), node B is paused (SIGSTOP) while node A writes past what the bus keeps.
 * What it answers: every request with its phase, node, outcome and time; which event batches
 * were acknowledged; what the coupon gave; and what the store holds after.
 */

const SECRET = 'sk_fault_drill_0123456789abcdefghij';
const BUDGET = 60_000;
const DISCOUNT = 3_000;
/** Messages each bus topic keeps: small, so the pause outlasts it. */
const STREAM_LENGTH = 100;

export type Phase = 'quiet' | 'postgres down' | 'redis down' | 'node B killed' | 'node B paused' | 'after';
export const PHASES: readonly Phase[] = [
  'quiet',
  'postgres down',
  'redis down',
  'node B killed',
  'node B paused',
  'after',
];

export interface Sample {
  readonly phase: Phase;
  readonly node: 'A' | 'B';
  readonly kind: 'batch' | 'order' | 'read';
  readonly ok: boolean;
  /** The HTTP status, 0 when no answer came (refused, reset, or past the client's 10 s timeout). */
  readonly status: number;
  readonly ms: number;
  /** When it was sent, ms after the load began (performance.now()). */
  readonly sentAt: number;
}

export interface DrillResult {
  readonly samples: readonly Sample[];
  /** messageIds of every event in a batch the API acknowledged. */
  readonly acknowledged: readonly string[];
  /** messageIds the store holds once it is over. */
  readonly stored: ReadonlySet<string>;
  /** Coupon discount given in answered orders, and what the store counted as given. */
  readonly discountAnswered: number;
  readonly discountStored: number;
  readonly budget: number;
  /** Whether node B served the product node A renamed while B was paused, once B went on. */
  readonly pausedNodeCaughtUp: boolean;
  /** Whether each node answered `/readyz` 200 at the end. */
  readonly readyAtEnd: { readonly A: boolean; readonly B: boolean };
}

export interface DrillOptions {
  readonly postgresUrl: string;
  readonly redisUrl: string;
  /** How long each fault lasts, and each quiet stretch. */
  readonly faultMs?: number;
  /** Concurrent senders per node. */
  readonly senders?: number;
}

export async function runFaultDrill(options: DrillOptions): Promise<DrillResult> {
  const faultMs = options.faultMs ?? 3_000;
  const database = `attune_drill_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: options.postgresUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const pgTarget = new URL(options.postgresUrl);
  const redisTarget = new URL(options.redisUrl);
  const postgres = await startFaultProxy({ host: pgTarget.hostname, port: Number(pgTarget.port || 5432) });
  const redis = await startFaultProxy({ host: redisTarget.hostname, port: Number(redisTarget.port || 6379) });
  const databaseUrl = new URL(postgres.url('postgres', `/${database}`));
  databaseUrl.username = pgTarget.username;
  databaseUrl.password = pgTarget.password;
  const env = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redis.url('redis'),
    ATTUNE_REDIS_PREFIX: database,
    ATTUNE_REDIS_STREAM_LENGTH: String(STREAM_LENGTH),
    ATTUNE_SECRET_KEY: SECRET,
    ATTUNE_DEMO: '0',
    LOG_LEVEL: 'warn',
    ATTUNE_RATE_LIMIT_PUBLISHABLE: 'off',
    ATTUNE_RATE_LIMIT_KEYLESS: 'off',
  };
  const nodeA = await startNode(env, 'A');
  let nodeB: Node | undefined;
  const samples: Sample[] = [];
  const acknowledged: string[] = [];
  let discountAnswered = 0;
  let phase: Phase = 'quiet';
  let running = true;
  try {
    await setUp(nodeA.url);
    nodeB = await startNode(env, 'B');
    let sequence = 0;
    const loadStarted = performance.now();
    const sender = async (node: 'A' | 'B') => {
      while (running) {
        const target = node === 'A' ? nodeA : nodeB;
        const number = sequence++;
        // A request counts in the phase it was sent in, however long its answer takes.
        const sentIn = phase;
        const started = performance.now();
        const outcome = await step(target?.url, number, {
          acknowledged: (ids) => acknowledged.push(...ids),
          discount: (amount) => (discountAnswered += amount),
        });
        const ms = performance.now() - started;
        samples.push({ phase: sentIn, node, ...outcome, ms, sentAt: started - loadStarted });
        const { ok } = outcome;
        // A failing node answers at once: do not spin.
        if (!ok) await sleep(50);
      }
    };
    const senders = options.senders ?? 2;
    const load = [
      ...Array.from({ length: senders }, () => sender('A')),
      ...Array.from({ length: senders }, () => sender('B')),
    ];

    await sleep(faultMs);
    phase = 'postgres down';
    postgres.cut();
    await sleep(faultMs);
    postgres.restore();
    await waitReady([nodeA, nodeB]);

    phase = 'redis down';
    redis.cut();
    await sleep(faultMs);
    redis.restore();
    await waitReady([nodeA, nodeB]);

    phase = 'node B killed';
    nodeB.process.kill('SIGKILL');
    await sleep(faultMs);
    nodeB = await startNode(env, 'B');

    phase = 'node B paused';
    nodeB.process.kill('SIGSTOP');
    // More catalogue changes than the bus keeps, the first of them the one node B must not miss.
    await call(nodeA.url, 'PUT', '/v1/products/kettle', { ...KETTLE, title: 'Kettle, renamed' });
    for (let index = 0; index < STREAM_LENGTH * 2.5; index += 1)
      await call(nodeA.url, 'PUT', '/v1/inventory/kettle', { available: 1_000_000 + index });
    await sleep(faultMs);
    nodeB.process.kill('SIGCONT');
    const pausedNodeCaughtUp = await eventually(
      async () =>
        (await call(nodeB?.url, 'GET', '/v1/products/kettle')).body?.['title'] === 'Kettle, renamed',
      30_000,
    );

    phase = 'after';
    await sleep(faultMs);
    running = false;
    await Promise.all(load);

    const readyAtEnd = {
      A: (await fetchStatus(`${nodeA.url}/readyz`)) === 200,
      B: (await fetchStatus(`${nodeB.url}/readyz`)) === 200,
    };
    const store = new pg.Client({ connectionString: withDatabase(options.postgresUrl, database) });
    await store.connect();
    const stored = new Set(
      (await store.query<{ message_id: string }>('select message_id from events')).rows.map(
        (row) => row.message_id,
      ),
    );
    const usage = await store.query<{ discount_given: string }>(
      "select discount_given from promotion_usage where promotion_id = 'drill'",
    );
    await store.end();
    return {
      samples,
      acknowledged,
      stored,
      discountAnswered,
      discountStored: Number(usage.rows[0]?.discount_given ?? 0),
      budget: BUDGET,
      pausedNodeCaughtUp,
      readyAtEnd,
    };
  } finally {
    running = false;
    nodeB?.process.kill('SIGCONT');
    await Promise.all([nodeA.stop(), nodeB?.stop()]);
    await Promise.all([postgres.close(), redis.close()]);
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

/** Error rate and p99 of one phase on one node. */
export function phaseFigures(
  samples: readonly Sample[],
  phase: Phase,
  node: 'A' | 'B',
): { requests: number; errorRate: number; p99: number } {
  const mine = samples.filter((sample) => sample.phase === phase && sample.node === node);
  const times = mine.map((sample) => sample.ms).sort((a, b) => a - b);
  return {
    requests: mine.length,
    errorRate: mine.length === 0 ? 0 : mine.filter((sample) => !sample.ok).length / mine.length,
    p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0,
  };
}

/** The failed requests of one phase on one node, counted by kind and status (`order 503`, `read 0`). */
export function phaseFailures(
  samples: readonly Sample[],
  phase: Phase,
  node: 'A' | 'B',
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sample of samples)
    if (sample.phase === phase && sample.node === node && !sample.ok) {
      const key = `${sample.kind} ${sample.status}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  return counts;
}

const KETTLE = { title: 'Kettle', price: { amount: 5_000, currency: 'GBP' } };

async function setUp(url: string): Promise<void> {
  await call(url, 'PUT', '/v1/products/kettle', KETTLE);
  await call(url, 'PUT', '/v1/promotions/drill', {
    title: '30.00 off',
    coupon: { required: true, codes: ['DRILL'] },
    limits: { budget: { amount: BUDGET, currency: 'GBP' } },
    action: { type: 'amount_off', target: 'order', amount: DISCOUNT },
  });
}

/** One unit of load: a batch of 20 events; every fourth, an order with the coupon; every fourth, a read. */
async function step(
  url: string | undefined,
  number: number,
  record: { acknowledged: (ids: string[]) => void; discount: (amount: number) => void },
): Promise<Pick<Sample, 'kind' | 'ok' | 'status'>> {
  if (number % 4 === 1) {
    const answer = await call(url, 'POST', '/v1/orders', {
      orderId: `drill-order-${number}`,
      userId: `drill-customer-${number % 97}`,
      currency: 'GBP',
      items: [{ productId: 'kettle', quantity: 1 }],
      coupons: ['DRILL'],
    });
    const discounts = (answer.body?.['discounts'] ?? []) as {
      promotionId: string;
      amount: { amount: number };
    }[];
    if (answer.status === 200)
      record.discount(
        discounts
          .filter((each) => each.promotionId === 'drill')
          .reduce((sum, each) => sum + each.amount.amount, 0),
      );
    // A refused coupon (the budget is spent) is an answer, not a failure.
    return { kind: 'order', ok: answer.status === 200 || answer.status === 409, status: answer.status };
  }
  if (number % 4 === 3) {
    const { status } = await call(url, 'GET', '/v1/products/kettle');
    return { kind: 'read', ok: status === 200, status };
  }
  const batch = Array.from({ length: 20 }, (_, index) => ({
    type: 'track',
    event: 'Product Viewed',
    userId: `drill-customer-${(number + index) % 97}`,
    messageId: `drill-${number}-${index}`,
    properties: { product_id: 'kettle' },
  }));
  const answer = await call(url, 'POST', '/v1/batch', { batch });
  const ok = answer.status === 200 && answer.body?.['accepted'] === batch.length;
  if (ok) record.acknowledged(batch.map((event) => event.messageId));
  return { kind: 'batch', ok, status: answer.status };
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;
}

async function call(url: string | undefined, method: string, path: string, body?: unknown): Promise<Answer> {
  if (url === undefined) return { status: 0, body: undefined };
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${SECRET}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    };
  } catch {
    return { status: 0, body: undefined };
  }
}

interface Node {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `attune serve`. Its log (stdout) is dropped unless `ATTUNE_DRILL_LOG_DIR` names a folder,
 * where each start of a node writes `<name>-<port>.log`: what to read when the drill fails.
 */
async function startNode(env: Record<string, string>, name: 'A' | 'B'): Promise<Node> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-drill-'));
  const logDir = process.env['ATTUNE_DRILL_LOG_DIR'];
  const log = logDir === undefined ? 'ignore' : openSync(join(logDir, `${name}-${port}.log`), 'a');
  // The built CLI, from the sources (a test) or from dist (the benchmark) alike.
  const cli = join(packageRoot(), 'dist/src/cli/attune.js');
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', log, 'inherit'],
  });
  if (typeof log === 'number') closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const node: Node = {
    url: `http://127.0.0.1:${port}`,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await waitReady([node]);
  return node;
}

async function waitReady(nodes: readonly (Node | undefined)[]): Promise<void> {
  for (const node of nodes) {
    if (node === undefined) continue;
    const ready = await eventually(async () => (await fetchStatus(`${node.url}/readyz`)) === 200, 60_000);
    if (!ready) throw new Error(`${node.url} was not ready within a minute`);
  }
}

async function fetchStatus(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
