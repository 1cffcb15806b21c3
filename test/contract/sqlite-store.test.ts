import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { describePriceStoreContract } from './price-store-contract.js';
import { describeProfileStoreContract } from './profile-store-contract.js';
import { describeTransactionTurnsContract } from './profile-transaction-turns-contract.js';
import { describeConsoleStoreContract } from './console-store-contract.js';
import { describeOrderValueRanksContract } from './order-value-ranks-contract.js';
import { describeContentStoreContract } from './content-store-contract.js';
import { describeExperimentStoreContract } from './experiment-store-contract.js';
import { describeJourneyStoreContract } from './journey-store-contract.js';
import { describePromotionStoreContract } from './promotion-store-contract.js';
import { describeSegmentWebhookStoreContract } from './segment-webhook-store-contract.js';
import { describeSnapshotStoreContract } from './snapshot-store-contract.js';
import { describeStoreContract, type StoreFixture } from './store-contract.js';

async function sqliteFixture(): Promise<StoreFixture> {
  const directory = mkdtempSync(join(tmpdir(), 'attune-store-'));
  const store = createSqliteStore(join(directory, 'attune.db'));
  await store.migrate();
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

describeStoreContract('SQLite', sqliteFixture);
describeProfileStoreContract('SQLite', sqliteFixture);
describeTransactionTurnsContract('SQLite', sqliteFixture);
describeOrderValueRanksContract('SQLite', sqliteFixture);
describeSegmentWebhookStoreContract('SQLite', sqliteFixture);
describePriceStoreContract('SQLite', sqliteFixture);
describePromotionStoreContract('SQLite', sqliteFixture);
describeContentStoreContract('SQLite', sqliteFixture);
describeExperimentStoreContract('SQLite', sqliteFixture);
describeJourneyStoreContract('SQLite', sqliteFixture);
describeSnapshotStoreContract('SQLite', sqliteFixture);
describeConsoleStoreContract('SQLite', sqliteFixture);
