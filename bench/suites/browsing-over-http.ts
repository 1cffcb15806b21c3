import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { configFor } from '../../src/config/load.js';
import { createAttune } from '../../src/main.js';
import { NextItemScore, type R3Data, type R3Run } from '../lib/r3-data.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
const PUBLISHABLE = 'pk_bench_publishable_0123456789abcdef';
const BATCH = 500;

/**
 * R3 through the public API of an in-process node (`app.inject()`, no sockets): the catalogue
 * (titles only), the train sessions as anonymous visitors' `Product Viewed` events over
 * `POST /v1/batch`, shifted so the last one was a minute ago, the models rebuilt; then each test
 * session as a storefront plays it, with the publishable key: `POST /v1/track` the view, then ask
 * `similar` for that product and `for-you` for that visitor.
 */
export async function r3OverHttp(
  data: R3Data,
): Promise<R3Run & { loadSeconds: number; similarMs: number; forYouMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-r3-'));
  const attune = await createAttune(
    configFor({
      DATA_DIR: dataDir,
      ATTUNE_DEMO: '0',
      ATTUNE_SECRET_KEY: SECRET,
      ATTUNE_PUBLISHABLE_KEY: PUBLISHABLE,
      ATTUNE_RECS_REBUILD_MINUTES: '0',
      // One visitor address replays a whole data set: a shop's per-address limits would throttle it.
      ATTUNE_RATE_LIMIT_PUBLISHABLE: 'off',
      ATTUNE_RATE_LIMIT_KEYLESS: 'off',
      LOG_LEVEL: 'silent',
    }),
    { logger: pino({ level: 'silent' }) },
  );
  const post = async (url: string, body: unknown, key = SECRET) => {
    const response = await attune.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json<Record<string, unknown>>();
  };
  const ids = (answer: Record<string, unknown>) =>
    (answer['items'] as { productId: string }[]).map((item) => item.productId);
  try {
    const started = performance.now();
    const products = [...data.titles].map(([id, title]) => ({
      id,
      title: title === '' ? id : title.slice(0, 200),
      price: { amount: 100, currency: 'GBP' },
    }));
    for (let start = 0; start < products.length; start += 1_000)
      await post('/v1/products:batch', { items: products.slice(start, start + 1_000) });
    const last = Math.max(...data.train.map((session) => session.at));
    const shift = Date.now() - 60_000 - last;
    let batch: unknown[] = [];
    const flush = async () => {
      const answer = await post('/v1/batch', { batch });
      if ((answer['rejected'] as unknown[]).length > 0) throw new Error(`refused: ${JSON.stringify(answer)}`);
      batch = [];
    };
    for (const session of data.train) {
      for (const [index, productId] of session.products.entries()) {
        batch.push({
          type: 'track',
          event: 'Product Viewed',
          anonymousId: `r3-${session.invoice}`,
          messageId: `r3-${session.invoice}-${index}`,
          timestamp: new Date(session.at + shift).toISOString(),
          properties: { product_id: productId },
        });
        if (batch.length === BATCH) await flush();
      }
    }
    if (batch.length > 0) await flush();
    await post('/v1/recommendations/models:rebuild', {});
    const loadSeconds = (performance.now() - started) / 1000;
    const itemToItem = new NextItemScore();
    const forYou = new NextItemScore();
    let similarMs = 0;
    let forYouMs = 0;
    for (const session of data.test) {
      const anonymousId = `r3-test-${session.invoice}`;
      for (const [position, productId] of session.products.entries()) {
        await post(
          '/v1/track',
          { anonymousId, event: 'Product Viewed', properties: { product_id: productId } },
          PUBLISHABLE,
        );
        const next = session.products[position + 1];
        if (next === undefined || !data.known.has(next)) continue;
        let asked = performance.now();
        const similar = await post(
          '/v1/recommendations',
          { strategy: 'similar', productId, limit: 10 },
          PUBLISHABLE,
        );
        similarMs += performance.now() - asked;
        itemToItem.add(ids(similar), next);
        asked = performance.now();
        const mine = await post(
          '/v1/recommendations',
          { strategy: 'for-you', anonymousId, limit: 10 },
          PUBLISHABLE,
        );
        forYouMs += performance.now() - asked;
        forYou.add(ids(mine), next);
      }
    }
    const asked = Math.max(1, itemToItem.result.predictions);
    return {
      itemToItem: itemToItem.result,
      forYou: forYou.result,
      loadSeconds,
      similarMs: similarMs / asked,
      forYouMs: forYouMs / asked,
    };
  } finally {
    await attune.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
