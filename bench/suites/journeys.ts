import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { loadConfig } from '../../src/config/load.js';
import { createAttune, type Attune } from '../../src/main.js';
import type { ScheduledStep } from '../../src/ports/store.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { startServerProcess } from '../lib/server-process.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
/** Steps due at once; `ATTUNE_BENCH_JOURNEY_STEPS` makes a smaller run (while profiling). */
const STEPS = Number(process.env['ATTUNE_BENCH_JOURNEY_STEPS'] ?? 100_000);
/**
 * Customers the steps are spread over (`ATTUNE_BENCH_JOURNEY_CUSTOMERS`): ten steps each by default, as
 * a campaign reaching many customers would be; a frequency cap keeps real customers far below that.
 */
const CUSTOMERS = Number(process.env['ATTUNE_BENCH_JOURNEY_CUSTOMERS'] ?? 10_000);
const PRODUCTS = 200;

/** Decide calls one after another for `ms`, each timed; answers the p99 in ms. */
async function decideP99(attune: Attune, ms: number): Promise<number> {
  const times: number[] = [];
  const until = performance.now() + ms;
  for (let index = 0; performance.now() < until; index += 1) {
    const started = performance.now();
    const response = await attune.app.inject({
      method: 'POST',
      url: '/v1/decide',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      payload: JSON.stringify({
        userId: `c-${index % CUSTOMERS}`,
        currency: 'GBP',
        recommendations: [{ slot: 'for-you', strategy: 'for-you', limit: 8 }],
      }),
    });
    if (response.statusCode !== 200) throw new Error(`decide: ${response.statusCode} ${response.body}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;
}

/** A node with 10,000 customers who said yes to marketing, 200 products and a journey, on SQLite. */
async function journeyShop() {
  const receiver = await startServerProcess('webhook-sink');
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-journeys-'));
  const loaded = loadConfig({
    DATA_DIR: dataDir,
    ATTUNE_DEMO: '0',
    ATTUNE_SECRET_KEY: SECRET,
    LOG_LEVEL: 'silent',
    ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true',
    ATTUNE_MARKETING_CONSENT_DEFAULT: 'granted',
    ATTUNE_JOURNEY_FREQUENCY_CAP: '1000/1d',
    ATTUNE_JOURNEY_QUIET_HOURS: 'off',
    ATTUNE_RATE_LIMIT_PUBLISHABLE: 'off',
    ATTUNE_RATE_LIMIT_KEYLESS: 'off',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const clock = new ManualClock(Date.now());
  const attune = await createAttune(loaded.config, { logger: pino({ level: 'silent' }), clock });
  const call = async (method: 'PUT' | 'POST', url: string, body: unknown) => {
    const response = await attune.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  };
  const products = Array.from({ length: PRODUCTS }, (_, index) => ({
    id: `p-${index}`,
    title: `Product ${index}`,
    categories: [`home/c${index % 10}`],
    price: { amount: 100 + index, currency: 'GBP' },
  }));
  await call('POST', '/v1/products:batch', { items: products });
  const at = new Date(clock.now()).toISOString();
  for (let start = 0; start < CUSTOMERS; start += 100) {
    const batch = Array.from({ length: 100 }, (_, offset) => ({
      type: 'track',
      event: 'Order Completed',
      userId: `c-${start + offset}`,
      timestamp: at,
      properties: {
        order_id: `seed-${start + offset}`,
        currency: 'GBP',
        total: 3,
        products: [{ product_id: `p-${(start + offset) % PRODUCTS}`, quantity: 1, price: 3 }],
      },
    }));
    await call('POST', '/v1/batch', { batch });
  }
  await call('PUT', '/v1/webhooks/mailer', {
    url: `${receiver.url}/hook`,
    events: ['journey.message'],
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  });
  await call('PUT', '/v1/promotions/thanks', {
    title: 'Thanks',
    coupon: { required: true, singleUse: true },
    action: { type: 'amount_off', target: 'order', amount: 100 },
  });
  await call('PUT', '/v1/journeys/bench', {
    name: 'Bench',
    status: 'active',
    trigger: { event: 'Order Refunded' },
    steps: [
      {
        id: 'thanks',
        webhookId: 'mailer',
        coupon: { promotionId: 'thanks', expiresIn: '14d' },
        recommendations: { strategy: 'bought-together', limit: 4 },
      },
    ],
  });
  return {
    attune,
    clock,
    dispose: async () => {
      await attune.close();
      await receiver.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * 100,000 journey steps due at once on one node (SQLite): messages built (a personal coupon, four
 * recommendations, prices) and written to the outbox per second, and decide's p99 on the same node
 * before and while they are sent (decide calls one after another, in process).
 */
export async function journeysSuite(runs: number): Promise<BenchRow[]> {
  const rates: number[] = [];
  const ratios: number[] = [];
  const p99s: [number, number][] = [];
  for (let run = 0; run < runs; run += 1) {
    const shop = await journeyShop();
    try {
      const { attune, clock } = shop;
      const profileIds = await Promise.all(
        Array.from({ length: CUSTOMERS }, (_, index) =>
          attune.store.findProfileId({ kind: 'user', value: `c-${index}` }),
        ),
      );
      const due = clock.now() + 1_000;
      const steps: ScheduledStep[] = Array.from({ length: STEPS }, (_, index) => ({
        id: `msg_bench_${run}_${index}`,
        journeyId: 'bench',
        stepId: 'thanks',
        occurrence: `bench:${index}`,
        profileId: profileIds[index % CUSTOMERS] as string,
        userId: `c-${index % CUSTOMERS}`,
        triggerAt: due - 1,
        dueAt: due,
        supersedes: false,
        context: { productIds: [`p-${index % PRODUCTS}`] },
      }));
      for (let start = 0; start < STEPS; start += 5_000)
        await attune.store.scheduleJourneySteps(steps.slice(start, start + 5_000));
      const before = await decideP99(attune, 3_000);
      clock.advance(2_000);
      const runner = attune.journeyRunner;
      const started = performance.now();
      const draining = runner.runDue().then(() => performance.now() - started);
      const during = await decideP99(attune, 3_000);
      const elapsed = await draining;
      const sent = (await attune.store.journeyStepsOf('bench')).filter(
        (step) => step.status === 'sent',
      ).length;
      rates.push((sent / elapsed) * 1_000);
      p99s.push([before, during]);
      ratios.push(during / before);
    } finally {
      await shop.dispose();
    }
  }
  const [before, during] = p99s[Math.floor(p99s.length / 2)] ?? [0, 0];
  return [
    {
      suite: 'journeys',
      name: `${formatNumber(STEPS)} steps due at once, one node (SQLite)`,
      measured: `${formatNumber(median(rates))} messages/s`,
      reference: '≥ 1,000 messages/s per node',
      note: 'coupon + 4 recommendations + prices per message, written to the outbox',
    },
    {
      suite: 'journeys',
      name: 'decide p99 while they are sent',
      measured: `${formatNumber(during, 1)} ms (before ${formatNumber(before, 1)} ms, ×${formatNumber(median(ratios), 2)})`,
      reference: '≤ ×1.20',
      note: 'in-process decide calls one after another, during the first 3 s of sending',
    },
  ];
}
