import { describe } from 'vitest';
import { createTestPostgresStore, postgresUrl } from '../support/services.js';
import { describeStoreContract } from './store-contract.js';

if (postgresUrl === null) {
  describe.skip('Store contract: PostgreSQL (not reachable)', () => {});
} else {
  describeStoreContract('PostgreSQL', async () => {
    const { store, drop } = await createTestPostgresStore();
    return { store, dispose: drop };
  });
}
