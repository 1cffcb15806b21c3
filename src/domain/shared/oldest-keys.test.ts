import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OldestKeys } from './oldest-keys.js';

describe('OldestKeys', () => {
  it('hands out what a fresh iterator would, whatever was set, moved to the end, deleted or cleared', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('use' as const), key: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('evict' as const) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const map = new Map<number, number>();
        const oldest = new OldestKeys(map);
        for (const step of operations) {
          if (step.kind === 'use') {
            // A least-recently-used touch: the key moves to the end.
            map.delete(step.key);
            map.set(step.key, step.key);
          } else if (step.kind === 'delete') map.delete(step.key);
          else if (step.kind === 'clear') {
            map.clear();
            oldest.reset();
          } else {
            const expected = map.keys().next();
            const taken = oldest.take();
            expect(taken).toBe(expected.done === true ? undefined : expected.value);
            if (taken !== undefined) map.delete(taken);
          }
        }
      }),
    );
  });
});
