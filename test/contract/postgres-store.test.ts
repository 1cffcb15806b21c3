import { describe, expect, it } from 'vitest';
import { createTestPostgresStore, postgresUrl } from '../support/services.js';
import { describePriceStoreContract } from './price-store-contract.js';
import { describeProfileStoreContract } from './profile-store-contract.js';
import { describeTransactionTurnsContract } from './profile-transaction-turns-contract.js';
import { describeConsoleStoreContract } from './console-store-contract.js';
import { describeOrderValueRanksContract } from './order-value-ranks-contract.js';
import { describeContentStoreContract } from './content-store-contract.js';
import { describeExperimentStoreContract } from './experiment-store-contract.js';
import { describeJourneyStoreContract, drain, plannedStep } from './journey-store-contract.js';
import { createPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { describePromotionStoreContract } from './promotion-store-contract.js';
import { describeSegmentWebhookStoreContract } from './segment-webhook-store-contract.js';
import { describeSnapshotStoreContract } from './snapshot-store-contract.js';
import { describeStoreContract, type StoreFixture } from './store-contract.js';

async function postgresFixture(): Promise<StoreFixture> {
  const { store, drop } = await createTestPostgresStore();
  return { store, dispose: drop };
}

if (postgresUrl === null) {
  describe.skip('Store contracts: PostgreSQL (not reachable)', () => {});
} else {
  describeStoreContract('PostgreSQL', postgresFixture);
  describeProfileStoreContract('PostgreSQL', postgresFixture);
  describeTransactionTurnsContract('PostgreSQL', postgresFixture);
  describeOrderValueRanksContract('PostgreSQL', postgresFixture);
  describeSegmentWebhookStoreContract('PostgreSQL', postgresFixture);
  describePriceStoreContract('PostgreSQL', postgresFixture);
  describePromotionStoreContract('PostgreSQL', postgresFixture);
  describeContentStoreContract('PostgreSQL', postgresFixture);
  describeExperimentStoreContract('PostgreSQL', postgresFixture);
  describeJourneyStoreContract('PostgreSQL', postgresFixture);
  describeSnapshotStoreContract('PostgreSQL', postgresFixture);
  describeConsoleStoreContract('PostgreSQL', postgresFixture);

  describe('PostgreSQL store: journeys on two nodes', () => {
    it('sends each of 100 due steps once when two stores (two nodes) claim at once', async () => {
      const first = await createTestPostgresStore();
      const second = createPostgresStore({
        connectionString: postgresUrl as string,
        schema: first.schema,
        maxConnections: 4,
      });
      try {
        const at = Date.parse('2026-06-01T00:00:00.000Z');
        await first.store.scheduleJourneySteps(
          Array.from({ length: 100 }, (_, index) => plannedStep(index, at)),
        );
        const [a, b] = await Promise.all([drain(first.store, at), drain(second, at)]);
        expect(a.length + b.length).toBe(100);
        expect(new Set([...a, ...b]).size).toBe(100);
        expect(await first.store.outboxOf('mailer')).toHaveLength(100);
      } finally {
        await second.close();
        await first.drop();
      }
    });
  });

  describe('PostgreSQL store: schemas', () => {
    it('migrates in a schema of its own while another schema of the database already holds Attune', async () => {
      const first = await createTestPostgresStore();
      try {
        const second = await createTestPostgresStore();
        expect(await second.store.countProfiles()).toBe(0);
        await second.drop();
      } finally {
        await first.drop();
      }
    });
  });
}
