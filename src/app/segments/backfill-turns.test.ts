import { describe, expect, it } from 'vitest';
import type { AppFixture } from '../../../test/support/app-fixture.js';
import { useShopOnEachStore } from '../../../test/support/app-stores.js';
import { postgresUrl } from '../../../test/support/services.js';
import { ProfileCache } from '../profiles/profile-cache.js';
import { FairSlices, yieldToRequests } from '../yield-to-requests.js';
import { BackfillRunner } from './backfill-runner.js';
import { reevaluateProfiles } from './reevaluate.js';
import { SegmentService } from './segment-service.js';

const STORES = useShopOnEachStore();
const CUSTOMERS = 450;

/** Every third customer views a product twice: members of a segment of repeat viewers. */
const isViewer = (customer: number) => customer % 3 === 0;

async function shop(app: AppFixture): Promise<void> {
  const events: Record<string, unknown>[] = [];
  for (let customer = 0; customer < CUSTOMERS; customer += 1) {
    const userId = `u${customer}`;
    events.push({ type: 'identify', userId, traits: { n: customer } });
    if (isViewer(customer))
      for (const productId of ['mug', 'cup'])
        events.push({
          type: 'track',
          userId,
          event: 'Product Viewed',
          properties: { product_id: productId },
        });
  }
  for (let from = 0; from < events.length; from += 250) await app.track(...events.slice(from, from + 250));
}

/**
 * A segment service on `app`'s store and rules whose back-fills give way at every chance (slices of
 * 0 ms), and at each turn ask the store how many members the segment has, as a request would.
 */
function segmentsTakingEveryTurn(app: AppFixture, segmentId: string, counts: Promise<number>[]) {
  const backfill = new BackfillRunner({
    store: app.store,
    now: () => app.clock.now(),
    exclusive: (work) => app.ingestion.exclusive(work),
    reevaluate: (ids, change, options) =>
      reevaluateProfiles(
        {
          store: app.store,
          cache: new ProfileCache(10_000),
          rules: app.inForce.profileRules,
          productFacts: (productId) => app.catalogModel.getProduct(productId),
        },
        ids,
        change,
        app.clock.now(),
        options,
      ),
    onError: (error) => void app.errors.push(error),
    newSlices: () =>
      new FairSlices({
        minMs: 0,
        maxMs: 0,
        yieldTo: async () => {
          counts.push(app.store.countMembers(segmentId));
          await yieldToRequests();
        },
      }),
  });
  const segments = new SegmentService({
    store: app.store,
    bus: app.bus,
    clock: app.clock,
    registry: app.inForce.segments,
    backfill,
    nodeId: `${app.nodeId}-turns`,
    activitySpec: () => app.inForce.profileRules.activitySpec(),
    reportUnloadable: () => undefined,
  });
  return { segments, backfill };
}

describe.each(STORES)('a segment back-fill that takes turns with requests (%s)', (name, nodesOn) => {
  it.skipIf(name === 'PostgreSQL' && postgresUrl === null)(
    'gives way between profiles, history reads and statements, and shows each page whole or not at all',
    async () => {
      const app = await (await nodesOn())();
      await shop(app);
      const counts: Promise<number>[] = [];
      const { segments, backfill } = segmentsTakingEveryTurn(app, 'viewers', counts);
      // A rule on events the profiles did not keep: each profile's history is read back from the log.
      await segments.put('viewers', {
        name: 'Viewers',
        rule: { event: 'Product Viewed', within: '7d', count: { gte: 2 } },
      });
      await backfill.idle();

      const segment = await segments.get('viewers');
      expect(segment).toMatchObject({ backfill: { status: 'done', processed: CUSTOMERS } });
      const viewers = Array.from({ length: CUSTOMERS }, (_, customer) => customer).filter(isViewer);
      expect(segment.members).toBe(viewers.length);
      const members = await segments.members('viewers', undefined, CUSTOMERS);
      expect(members.map((member) => member.userId).sort()).toEqual(viewers.map((n) => `u${n}`).sort());

      // A turn after every history read back and every profile evaluated, and between statements.
      expect(counts.length).toBeGreaterThan(2 * CUSTOMERS);
      // Pages of 200 in id order: a reader counts the members of whole pages only, never part of one.
      const ids = await app.store.scanProfileIds(undefined, CUSTOMERS);
      const userIds = new Map(
        [...(await app.store.getProfiles(ids))].map(([id, { profile }]) => [id, profile.userId]),
      );
      const memberIds = new Set(members.map((member) => member.userId));
      const wholePages = [0, 200, 400, CUSTOMERS].map(
        (end) => ids.slice(0, end).filter((id) => memberIds.has(userIds.get(id) ?? '')).length,
      );
      const seen = new Set(await Promise.all(counts));
      expect([...seen].every((count) => wholePages.includes(count))).toBe(true);
      expect(seen.size).toBeGreaterThan(2);
      expect(app.errors).toEqual([]);
    },
  );
});
