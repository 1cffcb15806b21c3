import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOTH_STORES } from '../support/both-stores.js';
import { startChildServer, waitForStatus, type ChildServer } from '../support/child-server.js';
import { SECRET_KEY } from '../support/test-attune.js';

const SECRET = 'sk_journey_crash_key_0123456789abcdef';
const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SETTINGS = {
  ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true',
  ATTUNE_MARKETING_CONSENT_DEFAULT: 'granted',
  ATTUNE_JOURNEY_FREQUENCY_CAP: '1000/1d',
  ATTUNE_JOURNEY_QUIET_HOURS: 'off',
};

/** A webhook receiver that counts every delivery by its `webhook-id`. */
let receiver: Server;
let receiverUrl: string;
const deliveries: string[] = [];
beforeAll(async () => {
  receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      deliveries.push(String(request.headers['webhook-id']));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/hook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** Calls a node over HTTP with the given secret key. */
async function call(baseUrl: string, key: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as any };
}

/** A webhook to the receiver and a journey sending one message `delay` after each order. */
async function setUp(baseUrl: string, key: string, journeyId: string, delay: string): Promise<void> {
  const hook = { url: receiverUrl, events: ['journey.message'], secret: WEBHOOK_SECRET };
  expect((await call(baseUrl, key, 'PUT', `/v1/webhooks/${journeyId}-hook`, hook)).status).toBeLessThan(300);
  const journey = {
    name: 'Thank you',
    status: 'active',
    trigger: { event: 'Order Completed' },
    steps: [{ id: 'thanks', delay, webhookId: `${journeyId}-hook` }],
  };
  expect((await call(baseUrl, key, 'PUT', `/v1/journeys/${journeyId}`, journey)).status).toBe(201);
}

/** 100 orders by 100 customers, in one batch. */
async function order100(baseUrl: string, key: string, prefix: string): Promise<void> {
  const batch = Array.from({ length: 100 }, (_, index) => ({
    type: 'track',
    event: 'Order Completed',
    userId: `${prefix}-${index}`,
    properties: { order_id: `${prefix}-order-${index}`, total: 10, currency: 'GBP' },
  }));
  const response = await call(baseUrl, key, 'POST', '/v1/batch', { batch });
  expect(response.json.accepted).toBe(100);
}

describe('journeys across a kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-journey-crash-'));
  let server: ChildServer | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no step planned before the kill and sends none twice', async () => {
    const env = {
      DATA_DIR: dataDir,
      ATTUNE_SECRET_KEY: SECRET,
      ATTUNE_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...SETTINGS,
    };
    server = await startChildServer(env);
    await waitForStatus(`${server.baseUrl}/readyz`, 200);
    await setUp(server.baseUrl, SECRET, 'crash', '6s');
    await order100(server.baseUrl, SECRET, 'crash');
    const planned = await call(server.baseUrl, SECRET, 'GET', '/v1/journeys/crash/stats');
    expect(planned.json.steps[0]).toMatchObject({ pending: 100, sent: 0 });
    await server.stop('SIGKILL');
    const before = deliveries.length;

    server = await startChildServer(env);
    await waitForStatus(`${server.baseUrl}/readyz`, 200);
    const baseUrl = server.baseUrl;
    await vi.waitFor(
      async () => {
        const stats = await call(baseUrl, SECRET, 'GET', '/v1/journeys/crash/stats');
        expect(stats.json.steps[0]).toMatchObject({ pending: 0, sent: 100 });
        expect(deliveries.length - before).toBeGreaterThanOrEqual(100);
      },
      { timeout: 30_000, interval: 250 },
    );
    // Time for a duplicate to show up, were there one.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const sent = deliveries.slice(before);
    expect(sent).toHaveLength(100);
    expect(new Set(sent).size).toBe(100);
  }, 90_000);
});

const postgres = BOTH_STORES.find((setup) => setup.name === 'PostgreSQL');
describe.skipIf(postgres?.available !== true)('journeys on two nodes of one PostgreSQL', () => {
  it('sends each of 100 due steps once, whichever node takes it', async () => {
    const shared = await (postgres as NonNullable<typeof postgres>).openShared();
    const first = await shared.startNode(SETTINGS);
    let second: Awaited<ReturnType<typeof shared.startNode>> | undefined;
    try {
      const firstUrl = await first.app.listen({ port: 0, host: '127.0.0.1' });
      await setUp(firstUrl, SECRET_KEY, 'pair', '3s');
      // Started once the webhook is written, so it loads it: without Redis, nodes do not hear of each
      // other's writes, and the outbox is delivered by whichever node leases a message.
      second = await shared.startNode(SETTINGS);
      const before = deliveries.length;
      await order100(firstUrl, SECRET_KEY, 'pair');
      await vi.waitFor(
        async () => {
          const stats = await call(firstUrl, SECRET_KEY, 'GET', '/v1/journeys/pair/stats');
          expect(stats.json.steps[0]).toMatchObject({ pending: 0, sent: 100 });
          expect(deliveries.length - before).toBeGreaterThanOrEqual(100);
        },
        { timeout: 30_000, interval: 250 },
      );
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const sent = deliveries.slice(before);
      expect(sent).toHaveLength(100);
      expect(new Set(sent).size).toBe(100);
    } finally {
      await first.dispose();
      await second?.dispose();
      await shared.dispose();
    }
  }, 90_000);
});
