import { describe } from 'vitest';
import { RedisEventBus } from '../../src/adapters/bus/redis-event-bus.js';
import { deleteRedisKeys, redisUrl, uniqueName } from '../support/services.js';
import { describeBusContract, type ContractTopics } from './bus-contract.js';

const url = redisUrl;
if (url === null) {
  describe.skip('EventBus contract: Redis (not reachable)', () => {});
} else {
  describeBusContract('Redis', async () => {
    const keyPrefix = `${uniqueName('attune_test')}:`;
    const nodeA = new RedisEventBus<ContractTopics>({ url, keyPrefix });
    const nodeB = new RedisEventBus<ContractTopics>({ url, keyPrefix });
    return {
      nodeA,
      nodeB,
      dispose: async () => {
        await Promise.all([nodeA.close(), nodeB.close()]);
        await deleteRedisKeys(keyPrefix);
      },
    };
  });
}
