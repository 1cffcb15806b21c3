import { InProcessEventBus } from '../../src/adapters/bus/in-process-event-bus.js';
import { describeBusContract } from './bus-contract.js';

describeBusContract('in-process', async () => {
  const bus = new InProcessEventBus();
  return { nodeA: bus, nodeB: bus, dispose: () => bus.close() };
});
