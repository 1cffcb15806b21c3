import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cases from './cases/read-event.json' with { type: 'json' };
import { readEvent, type EventReadOptions } from './normalize-event.js';

interface Case {
  name: string;
  event: unknown;
  fromServer?: boolean;
  expect: { ok: boolean; code?: string; pointer?: string; event?: Record<string, unknown> };
}

const receivedAt = Date.parse('2026-03-01T12:00:00Z');
const options = (fromServer = false): EventReadOptions => ({
  receivedAt,
  storeCurrency: 'GBP',
  fromServer,
  fallbackMessageId: 'fallback-id',
});

describe('readEvent case table (cases/read-event.json)', () => {
  it.each(cases as Case[])('$name', (row) => {
    const result = readEvent(row.event, options(row.fromServer));
    expect(result.ok).toBe(row.expect.ok);
    if (!result.ok) {
      expect(result.problem.code).toBe(row.expect.code);
      expect(result.problem.pointer).toBe(row.expect.pointer);
    } else if (row.expect.event !== undefined) {
      expect(result.event).toMatchObject(row.expect.event);
    }
  });
});

describe('readEvent', () => {
  it('refuses an event over 128 KB', () => {
    const result = readEvent(
      { type: 'track', event: 'x', userId: 'u', properties: { blob: 'é'.repeat(70 * 1024) } },
      options(),
    );
    expect(result.ok === false && result.problem.code).toBe('event_too_large');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = readEvent(value, options(true));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });

  it('converts any price written with at most two decimals to exact pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (pence) => {
        const result = readEvent(
          {
            type: 'track',
            event: 'Product Viewed',
            userId: 'u',
            properties: { product_id: 'p', price: pence / 100 },
          },
          options(),
        );
        expect(result.ok && result.event.commerce?.products[0]?.price).toBe(pence);
      }),
    );
  });
});
