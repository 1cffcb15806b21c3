import { describe, expect, it } from 'vitest';
import { createTestPostgresStore, postgresUrl } from '../support/services.js';
import { describePriceStoreContract } from './price-store-contract.js';
import { describeProfileStoreContract } from './profile-store-contract.js';
import { describeConsoleStoreContract } from './console-store-contract.js';
import { describeOrderValueRanksContract } from './order-value-ranks-contract.js';
import { describeContentStoreContract } from './content-store-contract.js';
import { describeExperimentStoreContract } from './experiment-store-contract.js';
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
  describeOrderValueRanksContract('PostgreSQL', postgresFixture);
  describeSegmentWebhookStoreContract('PostgreSQL', postgresFixture);
  describePriceStoreContract('PostgreSQL', postgresFixture);
  describePromotionStoreContract('PostgreSQL', postgresFixture);
  describeContentStoreContract('PostgreSQL', postgresFixture);
  describeExperimentStoreContract('PostgreSQL', postgresFixture);
  describeSnapshotStoreContract('PostgreSQL', postgresFixture);
  describeConsoleStoreContract('PostgreSQL', postgresFixture);

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
