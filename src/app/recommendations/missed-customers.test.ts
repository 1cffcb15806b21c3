import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_WEIGHTS, historyFrom } from '../../domain/recommendations/index.js';
import type { Lesson } from './interactions.js';
import { Learner } from './learner.js';
import { holdCustomersOfMissed } from './missed-customers.js';
import type { LogRead } from './serving-models.js';

const lesson = (profileId: string, messageId: string): { kind: 'lesson'; lesson: Lesson } => ({
  kind: 'lesson',
  lesson: { messageId, profileId, interactions: [] },
});

/** A rebuilt model that holds nobody yet (its customers may all have a history in the log). */
function readOf(...missed: LogRead['missed']): LogRead {
  const learner = new Learner(DEFAULT_EVENT_WEIGHTS);
  learner.model.customers.complete = false;
  return { learner, missed };
}

/**
 * Histories as a store loads them from `read`'s log, each load remembered with what it left out: a
 * load reads the customer's missed lessons committed by the time it ends, but for those left out.
 * `during` runs while a customer's load is under way (lessons arriving meanwhile).
 */
function recordingHistories(read: LogRead, during: (call: number) => void = () => undefined) {
  const loads: { customer: string; except: string[] }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  return {
    loads,
    mostInFlight: () => mostInFlight,
    histories: {
      async load(customer: string, cut: { except?: ReadonlySet<string> } = {}) {
        loads.push({ customer, except: [...(cut.except ?? [])].sort() });
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        during(loads.length);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        const recent = read.missed.flatMap((change) =>
          change.kind === 'lesson' &&
          change.lesson.profileId === customer &&
          cut.except?.has(change.lesson.messageId) !== true
            ? [change.lesson.messageId]
            : [],
        );
        return { history: historyFrom([]), recent };
      },
    },
  };
}

const serving = { isErased: (customer: string) => customer === 'erased' };

describe('holding the customers of lessons missed by a rebuild', () => {
  it('loads each customer not held once, leaving out the lessons adoption will learn', async () => {
    const read = readOf(lesson('u1', 'm1'), lesson('u1', 'm2'), lesson('u2', 'm3'), lesson('erased', 'm4'));
    read.learner.learn(lesson('u2', 'm3').lesson);
    const { histories, loads } = recordingHistories(read);
    await holdCustomersOfMissed(read, { histories, serving });
    // u2's lesson is in the log the read learnt: nothing to load for it; nor for an erased customer.
    expect(loads).toEqual([{ customer: 'u1', except: ['m1', 'm2', 'm4'] }]);
    expect(read.learner.model.customers.status('u1')).toBe('held');
  });

  it('loads in a second pass the customers whose lessons arrived during the first', async () => {
    const read = readOf(lesson('u1', 'm1'));
    const { histories, loads } = recordingHistories(read, (call) => {
      if (call === 1) read.missed.push(lesson('u3', 'm5'));
    });
    await holdCustomersOfMissed(read, { histories, serving });
    expect(loads).toEqual([
      { customer: 'u1', except: ['m1'] },
      { customer: 'u3', except: ['m1', 'm5'] },
    ]);
    expect(read.learner.model.customers.status('u3')).toBe('held');
  });

  it('loads a customer again when their lesson arrived during their load, which may have read it', async () => {
    const read = readOf(lesson('u1', 'm1'));
    const { histories, loads } = recordingHistories(read, (call) => {
      if (call === 1) read.missed.push(lesson('u1', 'm6'));
    });
    await holdCustomersOfMissed(read, { histories, serving });
    // The second leaves m6 out: adoption learns it for a held customer, and the counts stay exact.
    expect(loads).toEqual([
      { customer: 'u1', except: ['m1'] },
      { customer: 'u1', except: ['m1', 'm6'] },
    ]);
  });

  it('does not load again a customer whose lesson arrived after their load, which did not read it', async () => {
    const read = readOf(lesson('u1', 'm1'));
    const { histories, loads } = recordingHistories(read, (call) => {
      if (call === 1) read.missed.push(lesson('u3', 'm3'));
      if (call === 2) read.missed.push(lesson('u1', 'm7'));
    });
    await holdCustomersOfMissed(read, { histories, serving });
    expect(loads).toEqual([
      { customer: 'u1', except: ['m1'] },
      { customer: 'u3', except: ['m1', 'm3'] },
    ]);
  });

  it('stops after a few passes when lessons keep arriving, and loads at most 32 histories at once', async () => {
    const read = readOf(...Array.from({ length: 100 }, (_, index) => lesson(`u${index}`, `m${index}`)));
    const { histories, loads, mostInFlight } = recordingHistories(read, (call) => {
      if (call > 100) read.missed.push(lesson(`late-${call}`, `late-${call}`));
    });
    await holdCustomersOfMissed(read, { histories, serving });
    expect(mostInFlight()).toBe(32);
    expect(loads.length).toBeLessThan(200);
    expect(new Set(loads.map((load) => load.customer)).size).toBe(loads.length);
  });
});
