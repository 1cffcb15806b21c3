import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_WEIGHTS } from '../../domain/recommendations/index.js';
import type { Lesson } from './interactions.js';
import { Learner } from './learner.js';

/** An order's lesson; no interactions, so a long run of them stays quick. */
const order = (messageId: string, orderId: string): Lesson => ({
  messageId,
  profileId: 'u1',
  orderId,
  interactions: [],
});

describe('Learner and order ids', () => {
  it('counts an order once, however many events carry it', () => {
    const learner = new Learner(DEFAULT_EVENT_WEIGHTS);
    learner.learn(order('tracked-1', 'o1'));
    expect(learner.knows(order('server-1', 'o1'))).toBe(true);
    expect(learner.knows(order('server-2', 'o2'))).toBe(false);
  });

  it('forgets the oldest order ids past its bound, so a long-running node does not keep them all', () => {
    const learner = new Learner(DEFAULT_EVENT_WEIGHTS);
    const bound = 200_000;
    for (let index = 0; index <= bound; index += 1) learner.learn(order(`m${index}`, `o${index}`));
    expect(learner.rememberedOrders).toBe(bound);
    expect(learner.knows(order('late-0', 'o0'))).toBe(false);
    expect(learner.knows(order('late-1', 'o1'))).toBe(true);
    expect(learner.knows(order(`late-${bound}`, `o${bound}`))).toBe(true);
  });

  it('keeps the orders it remembers through a snapshot', () => {
    const learner = new Learner(DEFAULT_EVENT_WEIGHTS);
    learner.learn(order('m1', 'o1'));
    learner.learn(order('m2', 'o2'));
    const restored = new Learner(DEFAULT_EVENT_WEIGHTS);
    for (const record of learner.stateRecords()) restored.restore(record);
    expect(restored.knows(order('late-2', 'o2'))).toBe(true);
    expect(restored.rememberedOrders).toBe(2);
    expect(restored.remembered).toBe(2);
  });
});

describe('Learner and event ids', () => {
  it('keeps the newest event ids, oldest first, through a snapshot once past its bound', () => {
    const learner = new Learner(DEFAULT_EVENT_WEIGHTS);
    const bound = 200_000;
    for (let index = 0; index < bound + 3; index += 1)
      learner.learn({ messageId: `m${index}`, profileId: 'u1', interactions: [] });
    const restored = new Learner(DEFAULT_EVENT_WEIGHTS);
    for (const record of learner.stateRecords()) restored.restore(record);
    expect(restored.remembered).toBe(bound);
    const view = (messageId: string): Lesson => ({ messageId, profileId: 'u1', interactions: [] });
    expect(restored.knows(view('m2'))).toBe(false);
    expect(restored.knows(view('m3'))).toBe(true);
    expect(restored.knows(view(`m${bound + 2}`))).toBe(true);
    // Learning one more forgets the oldest kept, so the order came through the snapshot too.
    restored.learn(view('m-new'));
    expect(restored.knows(view('m3'))).toBe(false);
    expect(restored.knows(view('m4'))).toBe(true);
  });
});

describe('Learner, a line at a time', () => {
  it('learns an order pausing after each line to the same model as at once, known from its first line', () => {
    const lines = ['a', 'b', 'c', 'd'].map((productId) => ({
      customer: 'u1',
      productId,
      kind: 'purchase' as const,
      quantity: 1,
      at: 1,
      basket: 'o1',
    }));
    const lesson: Lesson = { messageId: 'm1', profileId: 'u1', orderId: 'o1', interactions: lines };
    const atOnce = new Learner(DEFAULT_EVENT_WEIGHTS);
    atOnce.learn(lesson);
    const stepwise = new Learner(DEFAULT_EVENT_WEIGHTS);
    const steps = stepwise.learning(lesson);
    expect(steps.next().done).toBe(false);
    // A second arrival of the same event during a pause learns nothing more.
    expect(stepwise.knows(lesson)).toBe(true);
    stepwise.learn(lesson);
    let pauses = 1;
    while (steps.next().done !== true) pauses += 1;
    expect(pauses).toBe(lines.length);
    expect([...stepwise.stateRecords()]).toEqual([...atOnce.stateRecords()]);
  });
});
