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
  it('keeps what arrives while held, and learns it in order once let go', () => {
    const serving = new ServingModels(new Learner(DEFAULT_EVENT_WEIGHTS));
    serving.learn({ lessons: [view('m1', 'u1')], merges: [] });
    const release = serving.hold();
    serving.learn({ lessons: [view('m2', 'u2')], merges: [] });
    serving.learn({ lessons: [], merges: [{ from: 'u2', into: 'u3' }] });
    serving.forget('u1');
    expect([...serving.models.online.customers.keys()]).toEqual(['u1']);
    expect(serving.learnt).toBe(1);
    release();
    expect([...serving.models.online.customers.keys()]).toEqual(['u3']);
    expect(serving.learnt).toBe(2);
    expect(serving.awaitsRebuild).toBe(true);
  });
});
