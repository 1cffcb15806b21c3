import { ApiKeyService, type CreatedKey } from '../app/access/api-keys.js';
import { CustomerTokens } from '../app/access/customer-tokens.js';
import { TokenRevocations } from '../app/access/token-revocations.js';
import { capability } from './capability.js';

/**
 * API keys and customer tokens. Once the keys are loaded, makes sure the configured keys are
 * accepted and, on a first start, creates a key pair whose values are shown once (`createdKeys`).
 */
export const accessCapability = capability(
  [],
  ({ store, bus, clock, config, nodeId, customerTokenSecret, reportUnloadable }) => {
    const keys = new ApiKeyService({ store, bus, clock, reportUnloadable });
    const revocations = new TokenRevocations({ store, bus, clock, nodeId });
    const tokens = new CustomerTokens(customerTokenSecret, clock, revocations);
    const created: CreatedKey[] = [];
    /** Keys made by this first start; their values are shown once and never again. */
    const createdKeys: readonly CreatedKey[] = created;
    return {
      services: { keys, tokens, createdKeys },
      start: async () => {
        await keys.start();
        await revocations.start();
        created.push(...(await keys.ensureKeys(config, nodeId)));
      },
    };
  },
);
