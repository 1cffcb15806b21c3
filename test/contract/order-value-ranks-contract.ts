import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createProfile,
  quintileRanks,
  rfmThresholds,
  rfmThresholdsOfRanked,
  type Profile,
} from '../../src/domain/profiles/index.js';
import type { Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const DAY = 86_400_000;

/** A profile with these order facts (ids from a small pool, so later runs rewrite earlier profiles). */
const customerArbitrary = fc.record({
  id: fc.integer({ min: 0, max: 40 }).map((n) => `c${n}`),
  orderCount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
  daysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  values: fc.dictionary(fc.constantFrom('GBP', 'EUR'), fc.integer({ min: -5_000, max: 50_000 }), {
    maxKeys: 2,
  }),
});

type CustomerFacts = typeof customerArbitrary extends fc.Arbitrary<infer T> ? T : never;

function profileOf(facts: CustomerFacts): Profile {
  const profile = createProfile(facts.id, '2025-01-01T00:00:00.000Z', { userId: facts.id });
  return {
    ...profile,
    stats: {
      ...profile.stats,
      orderCount: facts.orderCount,
      lifetimeValue: facts.values,
      ...(facts.daysAgo !== undefined && { lastOrderAt: new Date(NOW - facts.daysAgo * DAY).toISOString() }),
    },
  };
}

/**
 * The RFM quintiles a store picks from its indexes equal those computed over every profile in
 * memory, whatever the profiles: rewritten, without a value in the currency, with negative values
 * (refunds), merged away or erased. Run on SQLite and PostgreSQL.
 */
export function describeOrderValueRanksContract(
  name: string,
  createFixture: () => Promise<StoreFixture>,
): void {
  describe(`ProfileStore.rankedOrderValues contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    /** Every profile the store holds, at its latest version. */
    const held = new Map<string, { profile: Profile; version: number }>();
    beforeAll(() => {
      store = storeOf();
    });

    /** Writes `profiles`; with `asRead`, each with the profile held before, as ingestion passes it. */
    async function write(profiles: readonly Profile[], asRead = false): Promise<void> {
      const latest = new Map(profiles.map((profile) => [profile.id, profile]));
      const versions = await store.profileTransaction((tx) =>
        tx.writeProfiles(
          [...latest.values()].map((profile) => {
            const before = held.get(profile.id);
            return {
              profile,
              expectedVersion: before?.version ?? null,
              ...(asRead && before !== undefined && { stored: before.profile }),
            };
          }),
          NOW,
        ),
      );
      for (const profile of latest.values())
        held.set(profile.id, { profile, version: versions.get(profile.id) as number });
    }

    const fromStore = async (currency: string) =>
      rfmThresholdsOfRanked(await store.rankedOrderValues(currency, quintileRanks), NOW);
    const inMemory = (currency: string) =>
      rfmThresholds(
        [...held.values()].map(({ profile }) => profile),
        currency,
        NOW,
      );

    it('answers no quintiles for a store where nobody ordered', async () => {
      expect(await fromStore('GBP')).toEqual({ recencyDays: [], frequency: [], monetary: [] });
    });

    it('picks the same quintiles as a scan of every profile', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(customerArbitrary, { minLength: 1, maxLength: 25 }), async (batch) => {
          await write(batch.map(profileOf));
          for (const currency of ['GBP', 'EUR', 'USD'])
            expect(await fromStore(currency)).toEqual(inMemory(currency));
        }),
        { numRuns: 25 },
      );
    });

    it('picks the same quintiles when writes name the profile as read, its orders changed or not', async () => {
      const rewrite = fc.record({ facts: customerArbitrary, keepOrders: fc.boolean() });
      await fc.assert(
        fc.asyncProperty(fc.array(rewrite, { minLength: 1, maxLength: 25 }), async (batch) => {
          const profiles = batch.map(({ facts, keepOrders }) => {
            const before = held.get(facts.id)?.profile;
            const next = profileOf(facts);
            // Another event of a customer whose orders stay as they were: only the document moves.
            return keepOrders && before !== undefined
              ? { ...before, recentlyViewed: [`p${facts.orderCount}`] }
              : next;
          });
          await write(profiles, true);
          for (const currency of ['GBP', 'EUR', 'USD'])
            expect(await fromStore(currency)).toEqual(inMemory(currency));
        }),
        { numRuns: 25 },
      );
    });

    it('leaves out a profile merged into another, and an erased one', async () => {
      const into = held.get('c1') ?? held.values().next().value;
      const from = [...held.values()].find(({ profile }) => profile.id !== into?.profile.id);
      if (into === undefined || from === undefined)
        throw new Error('the property test wrote too few profiles');
      await store.profileTransaction((tx) =>
        tx.absorbProfile(from.profile.id, into.profile.id, from.version, NOW),
      );
      held.delete(from.profile.id);
      expect(await fromStore('GBP')).toEqual(inMemory('GBP'));
      await store.eraseProfile({
        profileId: into.profile.id,
        userId: into.profile.id,
        anonymousIds: [],
        idHashes: [`hash-${into.profile.id}`],
        standIn: `erased:${into.profile.id}`,
        now: NOW,
      });
      held.delete(into.profile.id);
      expect(await fromStore('GBP')).toEqual(inMemory('GBP'));
    });
  });
}
