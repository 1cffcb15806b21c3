import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BusPayload, EventBus } from '../../src/ports/event-bus.js';

export interface BusFixture {
  /** Two nodes' buses on one backend (the same object for a single-process bus). */
  readonly nodeA: EventBus;
  readonly nodeB: EventBus;
  readonly dispose: () => Promise<void>;
}

function collector() {
  const received: BusPayload[] = [];
  return { received, handler: (payload: BusPayload) => void received.push(payload) };
}

/** The behaviour every {@link EventBus} adapter must show; run by one test file per adapter. */
export function describeBusContract(name: string, createFixture: () => Promise<BusFixture>): void {
  describe(`EventBus contract: ${name}`, () => {
    let fixture: BusFixture;
    beforeAll(async () => {
      fixture = await createFixture();
    });
    afterAll(() => fixture.dispose());

    it('answers pings', async () => {
      await fixture.nodeA.ping();
    });

    it('delivers to subscribers on every node, in publish order, once', async () => {
      const onA = collector();
      const onB = collector();
      await fixture.nodeA.subscribe('orders', onA.handler);
      await fixture.nodeB.subscribe('orders', onB.handler);
      for (let index = 0; index < 50; index += 1) await fixture.nodeA.publish('orders', { index });
      const expected = Array.from({ length: 50 }, (_, index) => ({ index }));
      await vi.waitFor(() => expect(onB.received).toEqual(expected));
      await vi.waitFor(() => expect(onA.received).toEqual(expected));
    });

    it('keeps topics apart and delivers nothing published before subscribing', async () => {
      await fixture.nodeA.publish('late', { before: true });
      const late = collector();
      const other = collector();
      await fixture.nodeB.subscribe('late', late.handler);
      await fixture.nodeB.subscribe('other', other.handler);
      await fixture.nodeA.publish('late', { after: true });
      await vi.waitFor(() => expect(late.received).toEqual([{ after: true }]));
      expect(other.received).toEqual([]);
    });

    it('handles one message at a time per subscriber and survives a failing handler', async () => {
      const seen: number[] = [];
      let running = 0;
      let overlapped = false;
      await fixture.nodeB.subscribe('serial', async (payload) => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
        running -= 1;
        if (payload['n'] === 1) throw new Error('boom');
        seen.push(payload['n'] as number);
      });
      for (const n of [0, 1, 2, 3]) await fixture.nodeA.publish('serial', { n });
      await vi.waitFor(() => expect(seen).toEqual([0, 2, 3]));
      expect(overlapped).toBe(false);
    });

    it('stops delivering after unsubscribe', async () => {
      const gone = collector();
      const subscription = await fixture.nodeB.subscribe('gone', gone.handler);
      await fixture.nodeA.publish('gone', { n: 1 });
      await vi.waitFor(() => expect(gone.received).toHaveLength(1));
      await subscription.unsubscribe();
      await fixture.nodeA.publish('gone', { n: 2 });
      const marker = collector();
      await fixture.nodeB.subscribe('gone', marker.handler);
      await fixture.nodeA.publish('gone', { n: 3 });
      await vi.waitFor(() => expect(marker.received).toEqual([{ n: 3 }]));
      expect(gone.received).toEqual([{ n: 1 }]);
    });
  });
}
