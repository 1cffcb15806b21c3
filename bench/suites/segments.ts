import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { ProfileChange } from '../../src/app/profiles/profile-evaluation.js';
import { MembershipEngine } from '../../src/app/segments/membership-engine.js';
import { SegmentRegistry } from '../../src/app/segments/segment-registry.js';
import { configFor } from '../../src/config/load.js';
import {
  applyEvent,
  categoriesOf,
  createProfile,
  lazyComputed,
  type Profile,
  type TrackedEvent,
} from '../../src/domain/profiles/index.js';
import { categoryLineage } from '../../src/domain/shared/index.js';
import type { RuleNode } from '../../src/domain/segments/index.js';
import { createAttune } from '../../src/main.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { asTrackedEvents, syntheticEvents } from '../lib/synthetic-events.js';
import { syntheticSegments } from '../lib/synthetic-segments.js';

const SECRET = 'sk_bench_secret_key_0123456789abcdef';
const DEMO_CATEGORIES = [
  'home/decor',
  'kitchen/tableware',
  'home/candles-lighting',
  'stationery/cards-wrap',
  'seasonal/christmas',
  'jewellery',
  'bags',
  'garden',
  'toys-games',
  'kitchen/mugs-cups',
];
const EVENTS = 20_000;

/** Microseconds per event to evaluate a profile's segments after an event, with `count` segments defined. */
function evaluationCost(
  count: number,
  events: readonly TrackedEvent[],
): { microseconds: number; evaluatedPerEvent: number } {
  const registry = new SegmentRegistry();
  registry.load(
    syntheticSegments(count).map((segment) => ({
      ...segment,
      rule: segment.rule as RuleNode,
      version: 1,
      updatedAt: '',
    })),
  );
  const rfm = { recencyDays: [], frequency: [], monetary: [] };
  const engine = new MembershipEngine({
    registry,
    program: () => undefined,
    computed: (profile, now) =>
      lazyComputed(profile, { now, currency: 'GBP', rfm, consentDefault: 'granted' }),
  });
  const spec = registry.activitySpec();
  // Products spread over the demo's real category tree.
  const facts = (productId: string) => ({
    categories: [DEMO_CATEGORIES[Number(productId) % DEMO_CATEGORIES.length] as string],
  });
  const profiles = new Map<string, Profile>();
  let evaluated = 0;
  let elapsed = 0;
  for (const event of events) {
    const key = event.userId ?? event.anonymousId ?? '';
    let profile = profiles.get(key) ?? createProfile(key, event.timestamp);
    profile = applyEvent(profile, event, {
      productFacts: facts,
      isNewOrder: true,
      fromServer: true,
      activity: spec,
    });
    const name = event.type === 'track' ? event.event : undefined;
    const categories = new Set([...categoriesOf(event, facts)].flatMap((path) => categoryLineage(path)));
    const change: ProfileChange = {
      eventNames: new Set(name === undefined ? [] : [name]),
      ...(name !== undefined && { eventCategories: new Map([[name, categories]]) }),
      traits: event.type === 'identify',
    };
    const now = Date.parse(event.timestamp);
    evaluated += registry.affected(change).length;
    const started = performance.now();
    profile = engine.evaluate(profile, change, now).profile;
    elapsed += performance.now() - started;
    profiles.set(key, profile);
  }
  return { microseconds: (elapsed * 1000) / events.length, evaluatedPerEvent: evaluated / events.length };
}

/** Time to back-fill one segment over every demo profile (4,372 customers), without and with an activity rebuild. */
async function backfillTimes(): Promise<{ traitMs: number; windowMs: number; profiles: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-segments-'));
  const attune = await createAttune(
    configFor({ DATA_DIR: dataDir, ATTUNE_DEMO: '1', ATTUNE_SECRET_KEY: SECRET, LOG_LEVEL: 'silent' }),
    {
      logger: pino({ level: 'silent' }),
    },
  );
  try {
    await attune.backgroundWork;
    const time = async (id: string, rule: RuleNode) => {
      const started = performance.now();
      await attune.rules.segments.put(id, { name: id, rule });
      await attune.rules.backfill.idle();
      return performance.now() - started;
    };
    const traitMs = await time('ten-orders', { trait: 'computed.orderCount', op: 'gte', value: 10 });
    const windowMs = await time('recent', { event: 'Order Completed', within: '30d' });
    return { traitMs, windowMs, profiles: await attune.store.countProfiles() };
  } finally {
    await attune.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function segmentsSuite(runs: number): Promise<BenchRow[]> {
  const productIds = Array.from({ length: 4000 }, (_, index) => String(20000 + index));
  const receivedAt = Date.parse('2026-12-31T00:00:00Z');
  const events = asTrackedEvents(
    syntheticEvents(EVENTS, productIds, { visitors: 2_000, start: Date.parse('2026-06-01T00:00:00Z') }),
    receivedAt,
  );

  const rows: BenchRow[] = [];
  for (const count of [10, 100, 1000]) {
    const samples = Array.from({ length: runs }, () => evaluationCost(count, events));
    rows.push({
      suite: 'segments',
      name: `segment evaluation per event, ${formatNumber(count)} segments`,
      measured: `${formatNumber(median(samples.map((sample) => sample.microseconds)), 1)} µs`,
      ...(count === 1000 && { reference: 'aim < 50 µs' }),
      note: `${formatNumber(samples[0]?.evaluatedPerEvent ?? 0, 1)} segments evaluated per event on average (indexed by what they read)`,
    });
  }
  const backfills = [];
  for (let run = 0; run < Math.min(runs, 2); run += 1) backfills.push(await backfillTimes());
  rows.push(
    {
      suite: 'segments',
      name: `back-fill "≥ 10 orders" over all demo profiles`,
      measured: `${formatNumber(median(backfills.map((b) => b.traitMs)))} ms`,
      note: `${formatNumber(backfills[0]?.profiles ?? 0)} profiles`,
    },
    {
      suite: 'segments',
      name: 'back-fill "ordered in 30 days" (rebuilds remembered activity from events)',
      measured: `${formatNumber(median(backfills.map((b) => b.windowMs)))} ms`,
      note: 'reads every profile’s stored events',
    },
  );
  return rows;
}
