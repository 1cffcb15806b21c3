import { describe, expect, it } from 'vitest';
import type { TrackedEvent } from '../../domain/profiles/index.js';
import { EventTail } from './event-tail.js';

function tracked(messageId: string, event = 'Product Viewed'): TrackedEvent {
  return {
    messageId,
    type: 'track',
    event,
    anonymousId: 'a-1',
    timestamp: '2026-11-29T08:00:00.000Z',
    receivedAt: '2026-11-29T08:00:00.100Z',
    properties: { product_id: 'mug' },
    traits: {},
    context: { ip: '203.0.113.9' },
  };
}

describe('the event tail', () => {
  it('keeps only the last events, oldest first', () => {
    const tail = new EventTail(2);
    tail.add([tracked('m1'), tracked('m2'), tracked('m3')]);
    expect(tail.recent().map((event) => event.messageId)).toEqual(['m2', 'm3']);
  });

  it('tells each watcher every new event until it stops watching', () => {
    const tail = new EventTail(10);
    const seen: string[] = [];
    const stop = tail.watch((event) => seen.push(event.messageId));
    tail.add([tracked('m1')]);
    stop();
    tail.add([tracked('m2')]);
    expect(seen).toEqual(['m1']);
    expect(tail.watchers).toBe(0);
  });

  it('shows what arrived, not the request context (addresses, user agents)', () => {
    const tail = new EventTail(10);
    tail.add([tracked('m1')]);
    expect(tail.recent()[0]).toEqual({
      messageId: 'm1',
      type: 'track',
      event: 'Product Viewed',
      anonymousId: 'a-1',
      timestamp: '2026-11-29T08:00:00.000Z',
      receivedAt: '2026-11-29T08:00:00.100Z',
      properties: { product_id: 'mug' },
      traits: {},
    });
  });
});
