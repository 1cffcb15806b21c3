import { describe, expect, it } from 'vitest';
import { InProcessEventBus } from '../../adapters/bus/in-process-event-bus.js';
import { readEvent } from '../../domain/profiles/index.js';
import type { BatchResult } from '../profiles/ingest-batch.js';
import { LessonRelay } from './lesson-relay.js';
import type { Learnt } from './serving-models.js';

/** A commit of `views` product views by three customers, one merged into another. */
function commit(views: number): BatchResult {
  const stored = Array.from({ length: views }, (_, index) => {
    const read = readEvent(
      {
        type: 'track',
        anonymousId: `a${index % 3}`,
        event: 'Product Viewed',
        properties: { product_id: `p${index}` },
      },
      {
        receivedAt: Date.parse('2026-03-01T12:00:00Z'),
        storeCurrency: 'GBP',
        fromServer: true,
        fallbackMessageId: `m${index}`,
      },
    );
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    return { profileId: `prof-${index % 3}`, event: read.event };
  });
  return {
    stored,
    profiles: [],
    absorbed: [{ from: 'prof-old', into: 'prof-0' }],
    resolved: [],
    checks: [],
    announcements: [],
  };
}

describe('LessonRelay', () => {
  it('learns a large commit in parts, giving way between them, merges first, and sends it whole', async () => {
    const bus = new InProcessEventBus();
    const sent: unknown[] = [];
    await bus.subscribe('recommendations.lessons', (message) => void sent.push(message));
    const parts: Learnt[] = [];
    const relay = new LessonRelay({
      bus,
      nodeId: 'here',
      learn: (learnt) => void parts.push(learnt),
      isKnown: () => true,
      rebuild: () => Promise.resolve(),
      onError: (error) => {
        throw error;
      },
    });
    let turns = 0;
    await relay.relay(commit(40), () => {
      turns += 1;
      return Promise.resolve();
    });

    expect(parts.map((part) => part.lessons.length)).toEqual([16, 16, 8]);
    expect(turns).toBe(2);
    expect(parts.map((part) => part.merges.length)).toEqual([1, 0, 0]);
    const learnt = parts.flatMap((part) => part.lessons.map((lesson) => lesson.messageId));
    expect(learnt).toEqual(Array.from({ length: 40 }, (_, index) => `m${index}`));
    expect(sent).toEqual([
      expect.objectContaining({ origin: 'here', merges: [{ from: 'prof-old', into: 'prof-0' }] }),
    ]);
    expect((sent[0] as Learnt).lessons).toHaveLength(40);
  });

  it('learns a commit with nothing to teach but a merge in one part', async () => {
    const parts: Learnt[] = [];
    const relay = new LessonRelay({
      bus: new InProcessEventBus(),
      nodeId: 'here',
      learn: (learnt) => void parts.push(learnt),
      isKnown: () => true,
      rebuild: () => Promise.resolve(),
      onError: () => undefined,
    });
    await relay.relay(commit(0), () => Promise.resolve());
    expect(parts).toEqual([{ lessons: [], merges: [{ from: 'prof-old', into: 'prof-0' }] }]);
  });
});
