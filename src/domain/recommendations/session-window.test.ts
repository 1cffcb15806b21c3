import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SessionWindow } from './index.js';

const MINUTE = 60_000;

describe('the session window', () => {
  it('keeps a visitor’s latest views, oldest first, each product once', () => {
    const window = new SessionWindow({ depth: 3 });
    for (const [index, item] of ['a', 'b', 'c', 'b', 'd'].entries()) window.record('v', item, index * MINUTE);
    expect(window.latest('v', 5 * MINUTE).map((view) => view.productId)).toEqual(['c', 'b', 'd']);
    expect(window.latest('someone-else', 5 * MINUTE)).toEqual([]);
  });

  it('starts a new session after a pause longer than the gap', () => {
    const window = new SessionWindow({ gapMs: 30 * MINUTE });
    window.record('v', 'a', 0);
    expect(window.latest('v', 29 * MINUTE)).toHaveLength(1);
    expect(window.latest('v', 31 * MINUTE)).toEqual([]);
    window.record('v', 'b', 31 * MINUTE);
    expect(window.latest('v', 31 * MINUTE).map((view) => view.productId)).toEqual(['b']);
  });

  it('forgets an erased visitor and moves a merged one’s session to the profile it merged into', () => {
    const window = new SessionWindow();
    window.record('anonymous', 'a', 0);
    window.merge('anonymous', 'known');
    expect(window.latest('anonymous', 0)).toEqual([]);
    expect(window.latest('known', 0).map((view) => view.productId)).toEqual(['a']);
    window.forget('known');
    expect(window.latest('known', 0)).toEqual([]);
    expect(window.size).toBe(0);
  });

  it('never holds more than its visitors and depth, whatever arrives (the idlest visitor leaves first)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 })), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 6 }),
        (events, maxVisitors, depth) => {
          const window = new SessionWindow({ maxVisitors, depth, gapMs: 30 * MINUTE });
          events.forEach(([visitor, item], index) =>
            window.record(`v${visitor}`, `p${item}`, index * MINUTE),
          );
          expect(window.size).toBeLessThanOrEqual(maxVisitors);
          const at = events.length * MINUTE;
          for (let visitor = 0; visitor <= 40; visitor += 1) {
            const views = window.latest(`v${visitor}`, at).map((view) => view.productId);
            expect(views.length).toBeLessThanOrEqual(depth);
            expect(new Set(views).size).toBe(views.length);
          }
          const last = events[events.length - 1];
          if (last !== undefined)
            expect(window.latest(`v${last[0]}`, at).at(-1)?.productId).toBe(`p${last[1]}`);
        },
      ),
    );
  });
});
