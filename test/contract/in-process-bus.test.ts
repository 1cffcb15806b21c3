import { InProcessEventBus } from '../../src/adapters/bus/in-process-event-bus.js';
import { describeBusContract, type ContractTopics } from './bus-contract.js';

describeBusContract('in-process', async () => {
  const bus = new InProcessEventBus<ContractTopics>();
  return { nodeA: bus, nodeB: bus, dispose: () => bus.close() };
});
