import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventBus } from '../../src/ports/event-bus.js';

/** The topics the contract publishes on: its own, so that it tests the bus and not Attune's messages. */
export interface ContractTopics {
  readonly orders: { readonly index: number };
  readonly late: { readonly before?: true; readonly after?: true };
  readonly other: { readonly n: number };
  readonly serial: { readonly n: number };
  readonly gone: { readonly n: number };
  readonly mine: { readonly origin: string; readonly n: number };
  readonly json: {
    readonly text: string;
    readonly nothing: null;
    readonly nested: { readonly list: readonly { readonly at: number; readonly tag?: string }[] };
  };
}

/** A bus carries only JSON: a payload type that would not survive it is refused when compiled. */
// @ts-expect-error a Map becomes {} in JSON.
export type RefusedMap = EventBus<{ readonly counts: { readonly byBrand: Map<string, number> } }>;
// @ts-expect-error a Date becomes a string in JSON.
export type RefusedDate = EventBus<{ readonly changed: { readonly at: Date } }>;
// @ts-expect-error a field that may hold undefined disappears in JSON.
export type RefusedUndefined = EventBus<{ readonly changed: { readonly id: string | undefined } }>;

export interface BusFixture {
  /** Two nodes' buses on one backend (the same object for a single-process bus). */
  readonly nodeA: EventBus<ContractTopics>;
  readonly nodeB: EventBus<ContractTopics>;
  readonly dispose: () => Promise<void>;
}

function collector<P>() {
  const received: P[] = [];
  return { received, handler: (payload: P) => void received.push(payload) };
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
      const onA = collector<ContractTopics['orders']>();
      const onB = collector<ContractTopics['orders']>();
      await fixture.nodeA.subscribe('orders', onA.handler);
      await fixture.nodeB.subscribe('orders', onB.handler);
      for (let index = 0; index < 50; index += 1) await fixture.nodeA.publish('orders', { index });
      const expected = Array.from({ length: 50 }, (_, index) => ({ index }));
      await vi.waitFor(() => expect(onB.received).toEqual(expected));
      await vi.waitFor(() => expect(onA.received).toEqual(expected));
    });

    it('keeps topics apart and delivers nothing published before subscribing', async () => {
      await fixture.nodeA.publish('late', { before: true });
      const late = collector<ContractTopics['late']>();
      const other = collector<ContractTopics['other']>();
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
      await fixture.nodeB.subscribe('serial', async ({ n }) => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
        running -= 1;
        if (n === 1) throw new Error('boom');
        seen.push(n);
      });
      for (const n of [0, 1, 2, 3]) await fixture.nodeA.publish('serial', { n });
      await vi.waitFor(() => expect(seen).toEqual([0, 2, 3]));
      expect(overlapped).toBe(false);
    });

    it('stops delivering after unsubscribe', async () => {
      const gone = collector<ContractTopics['gone']>();
      const subscription = await fixture.nodeB.subscribe('gone', gone.handler);
      await fixture.nodeA.publish('gone', { n: 1 });
      await vi.waitFor(() => expect(gone.received).toHaveLength(1));
      await subscription.unsubscribe();
      await fixture.nodeA.publish('gone', { n: 2 });
      const marker = collector<ContractTopics['gone']>();
      await fixture.nodeB.subscribe('gone', marker.handler);
      await fixture.nodeA.publish('gone', { n: 3 });
      await vi.waitFor(() => expect(marker.received).toEqual([{ n: 3 }]));
      expect(gone.received).toEqual([{ n: 1 }]);
    });

    it("skips a subscriber's own origin when it asks, and keeps the rest in order", async () => {
      const skipping = collector<ContractTopics['mine']>();
      const all = collector<ContractTopics['mine']>();
      await fixture.nodeB.subscribe('mine', skipping.handler, { skipOrigin: 'b' });
      await fixture.nodeB.subscribe('mine', all.handler);
      const sent = [
        { origin: 'a', n: 0 },
        { origin: 'b', n: 1 },
        { origin: 'a', n: 2 },
        { origin: 'b', n: 3 },
        { origin: 'c', n: 4 },
      ];
      for (const payload of sent) await fixture.nodeA.publish('mine', payload);
      await vi.waitFor(() => expect(all.received).toEqual(sent));
      await vi.waitFor(() => expect(skipping.received).toEqual(sent.filter(({ origin }) => origin !== 'b')));
    });

    it('delivers a JSON copy: equal in value, never the object the publisher keeps changing', async () => {
      const onB = collector<ContractTopics['json']>();
      await fixture.nodeB.subscribe('json', onB.handler);
      const list = [{ at: 1, tag: 'a' }, { at: 2 }];
      await fixture.nodeA.publish('json', { text: 'é ✓', nothing: null, nested: { list } });
      list.push({ at: 3 });
      await vi.waitFor(() => expect(onB.received).toHaveLength(1));
      expect(onB.received[0]).toEqual({
        text: 'é ✓',
        nothing: null,
        nested: { list: [{ at: 1, tag: 'a' }, { at: 2 }] },
      });
      expect(onB.received[0]?.nested.list[1]).not.toHaveProperty('tag');
    });
  });
}
