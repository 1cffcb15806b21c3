import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile } from '../../src/domain/profiles/index.js';
import { WriteConflict, type Store } from '../../src/ports/store.js';
import { createTestPostgresStore, postgresUrl } from '../support/services.js';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const profile = (id: string) => createProfile(id, new Date(now).toISOString(), {});

/**
 * Two nodes writing the same customers at once: PostgreSQL ends a deadlock between their
 * transactions by aborting one, which must come back as the conflict every writer already retries,
 * not as a failed request.
 */
describe.skipIf(postgresUrl === null)('PostgreSQL profile writers that deadlock', () => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ store, drop } = await createTestPostgresStore());
  });
  afterAll(async () => {
    await drop();
  });

  it('reports the transaction PostgreSQL aborts as a WriteConflict', async () => {
    await store.profileTransaction((tx) =>
      tx.writeProfiles(
        [
          { profile: profile('p-a'), expectedVersion: null },
          { profile: profile('p-b'), expectedVersion: null },
        ],
        now,
      ),
    );
    // Each writer locks one profile, then, once both hold theirs, asks for the other's.
    let holding = 0;
    let bothHold: () => void = () => {};
    const bothHolding = new Promise<void>((resolve) => (bothHold = resolve));
    const writer = (first: string, second: string) =>
      store.profileTransaction(async (tx) => {
        await tx.writeProfiles([{ profile: profile(first), expectedVersion: 1 }], now);
        if ((holding += 1) === 2) bothHold();
        await bothHolding;
        await tx.writeProfiles([{ profile: profile(second), expectedVersion: 1 }], now);
      });

    const outcomes = await Promise.allSettled([writer('p-a', 'p-b'), writer('p-b', 'p-a')]);

    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(WriteConflict);
  });
});
