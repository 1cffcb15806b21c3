import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, waitForStatus, type ChildServer } from '../support/child-server.js';

const SECRET = 'sk_crash_test_key_0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'attune-crash-'));
let server: ChildServer | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Batch `number`: 50 events over 5 customers, one order each and some views. */
function batch(number: number) {
  return Array.from({ length: 50 }, (_, index) => {
    const userId = `crash-user-${index % 5}`;
    const messageId = `crash-${number}-${index}`;
    return index < 5
      ? {
          type: 'track',
          event: 'Order Completed',
          userId,
          messageId,
          properties: { order_id: `order-${number}-${index}`, total: 1 },
        }
      : {
          type: 'track',
          event: 'Product Viewed',
          userId,
          messageId,
          properties: { product_id: `p-${index}` },
        };
  });
}

async function send(baseUrl: string, number: number): Promise<boolean> {
  const response = await fetch(`${baseUrl}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: batch(number) }),
  });
  return response.status === 200 && ((await response.json()) as { accepted: number }).accepted === 50;
}

describe('kill -9 during a stream of batches', () => {
  it('keeps every acknowledged event, none twice, and profiles that match the events', async () => {
    const env = { DATA_DIR: dataDir, ATTUNE_SECRET_KEY: SECRET, ATTUNE_DEMO: '0', LOG_LEVEL: 'warn' };
    server = await startChildServer(env);
    await waitForStatus(`${server.baseUrl}/readyz`, 200);
    const acknowledged: number[] = [];
    let sent = 0;
    const senders = Array.from({ length: 3 }, async () => {
      for (;;) {
        const number = sent++;
        try {
          if (await send((server as ChildServer).baseUrl, number)) acknowledged.push(number);
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await server.stop('SIGKILL');
    await Promise.all(senders);
    expect(acknowledged.length).toBeGreaterThan(5);

    const database = new SqliteDatabase(join(dataDir, 'attune.db'), { readonly: true });
    const stored = new Set(database.prepare('select message_id from events').pluck().all() as string[]);
    database.close();
    for (const number of acknowledged) {
      for (const event of batch(number)) expect(stored.has(event.messageId), event.messageId).toBe(true);
    }

    server = await startChildServer(env);
    await waitForStatus(`${server.baseUrl}/readyz`, 200);
    // Clients retry what they did not see acknowledged, and some of what they did: nothing counts twice.
    for (let number = 0; number < sent; number += 1) expect(await send(server.baseUrl, number)).toBe(true);
    let orders = 0;
    for (let user = 0; user < 5; user += 1) {
      const profile = (await (
        await fetch(`${server.baseUrl}/v1/profiles/crash-user-${user}`, {
          headers: { authorization: `Bearer ${SECRET}` },
        })
      ).json()) as {
        computed: { orderCount: number };
      };
      orders += profile.computed.orderCount;
    }
    expect(orders).toBe(sent * 5);
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});
