import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_WEIGHTS } from '../../domain/recommendations/index.js';
import type { Lesson } from './interactions.js';
import { Learner } from './learner.js';
import { ServingModels } from './serving-models.js';

const view = (messageId: string, customer: string): Lesson => ({
  messageId,
  profileId: customer,
  interactions: [{ customer, productId: 'p1', kind: 'view', quantity: 1, at: 1_000 }],
});

describe('ServingModels held for a snapshot', () => {
  it('keeps what arrives while held, and learns it in order once let go', async () => {
    const serving = new ServingModels(new Learner(DEFAULT_EVENT_WEIGHTS));
    serving.learn({ lessons: [view('m1', 'u1')], merges: [] });
    const release = serving.hold();
    serving.learn({ lessons: [view('m2', 'u2')], merges: [] });
    serving.learn({ lessons: [], merges: [{ from: 'u2', into: 'u3' }] });
    serving.forget('u1');
    expect([...serving.models.online.customers.keys()]).toEqual(['u1']);
    expect(serving.learnt).toBe(1);
    await release();
    expect([...serving.models.online.customers.keys()]).toEqual(['u3']);
    expect(serving.learnt).toBe(2);
    expect(serving.awaitsRebuild).toBe(true);
  });

  it('lets what waited in a slice at a time, and what arrives meanwhile waits behind it', async () => {
    const serving = new ServingModels(new Learner(DEFAULT_EVENT_WEIGHTS), { catchUpSliceMs: 0 });
    const release = serving.hold();
    serving.learn({ lessons: [view('m1', 'u1')], merges: [] });
    serving.learn({ lessons: [], merges: [{ from: 'u1', into: 'u2' }] });
    const caughtUp = release();
    // One change per slice: the merge waits for the next turn of the event loop.
    expect([...serving.models.online.customers.keys()]).toEqual(['u1']);
    // Learnt before the merge, this would be merged into u2 as well.
    serving.learn({ lessons: [view('m2', 'u1')], merges: [] });
    await caughtUp;
    expect([...serving.models.online.customers.keys()].sort()).toEqual(['u1', 'u2']);
    expect(serving.learnt).toBe(2);
    serving.learn({ lessons: [view('m3', 'u4')], merges: [] });
    expect(serving.learnt).toBe(3);
  });

  it('stops letting changes in while a new hold is in force', async () => {
    const serving = new ServingModels(new Learner(DEFAULT_EVENT_WEIGHTS), { catchUpSliceMs: 0 });
    const first = serving.hold();
    serving.learn({ lessons: [view('m1', 'u1')], merges: [] });
    serving.learn({ lessons: [view('m2', 'u2')], merges: [] });
    const stopped = first();
    const second = serving.hold();
    await stopped;
    expect(serving.learnt).toBe(1);
    serving.forget('u1');
    expect([...serving.models.online.customers.keys()]).toEqual(['u1']);
    await second();
    expect([...serving.models.online.customers.keys()]).toEqual(['u2']);
    expect(serving.learnt).toBe(2);
  });

  it('tells its listeners of a commit once it is learnt, not while it waits behind the hold', async () => {
    const serving = new ServingModels(new Learner(DEFAULT_EVENT_WEIGHTS), { catchUpSliceMs: 0 });
    const heard: string[][] = [];
    serving.onLearnt(({ lessons, merges }) =>
      heard.push([...lessons.map((lesson) => lesson.profileId), ...merges.map(({ from }) => from)]),
    );
    serving.learn({ lessons: [view('m1', 'u1')], merges: [] });
    expect(heard).toEqual([['u1']]);
    const release = serving.hold();
    serving.learn({ lessons: [view('m2', 'u2')], merges: [] });
    serving.learn({ lessons: [], merges: [{ from: 'u2', into: 'u3' }] });
    // A request now reads a model without them: what it computes must not outlive their learning.
    expect(heard).toEqual([['u1']]);
    await release();
    expect(heard).toEqual([['u1'], ['u2'], ['u2']]);
  });
});
