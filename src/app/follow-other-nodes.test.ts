import { describe, expect, it } from 'vitest';
import { InProcessEventBus } from '../adapters/bus/in-process-event-bus.js';
import type { ContentChanged } from '../ports/topics.js';
import { followOtherNodes } from './follow-other-nodes.js';

describe('followOtherNodes', () => {
  it("hands on other nodes' messages and skips this node's own", async () => {
    const bus = new InProcessEventBus();
    const seen: ContentChanged[] = [];
    await followOtherNodes(bus, 'node-a', 'content', {
      changed: (payload) => void seen.push(payload),
      missed: () => {},
    });
    await bus.publish('content', { origin: 'node-a' });
    await bus.publish('content', { origin: 'node-b' });
    await bus.publish('content', { origin: 'node-a' });
    await bus.close();
    expect(seen).toEqual([{ origin: 'node-b' }]);
  });

  it('can be stopped like any subscription', async () => {
    const bus = new InProcessEventBus();
    const seen: string[] = [];
    const subscription = await followOtherNodes(bus, 'node-a', 'segments', {
      changed: ({ id }) => void seen.push(id),
      missed: () => {},
    });
    await bus.publish('segments', { origin: 'node-b', id: 'vip' });
    await subscription.unsubscribe();
    await bus.publish('segments', { origin: 'node-b', id: 'lapsed' });
    await bus.close();
    expect(seen).toEqual(['vip']);
  });
});
