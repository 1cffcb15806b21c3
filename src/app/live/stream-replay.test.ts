import { describe, expect, it } from 'vitest';
import type { PageChange } from '../../domain/live/index.js';
import { ReplayLog } from './stream-replay.js';

const change = (segmentId: string): PageChange => ({ type: 'segment.entered', data: { segmentId } });
const ready = () => ({ personalized: false, products: [] });

describe('ReplayLog', () => {
  it('greets a new stream with ready, carrying the id of the latest message', () => {
    const log = new ReplayLog();
    const first = log.append(change('a'));
    expect(log.greeting(undefined, ready)).toEqual([
      { id: first.id, event: 'ready', data: { personalized: false, products: [] } },
    ]);
    expect(log.greeting('', ready)[0]?.event).toBe('ready');
  });

  it('sends a reconnecting browser every message after the last one it saw, in order', () => {
    const log = new ReplayLog();
    const start = log.greeting(undefined, ready)[0]?.id as string;
    const sent = ['a', 'b', 'c'].map((id) => log.append(change(id)));
    expect(log.greeting(sent[0]?.id, ready)).toEqual(sent.slice(1));
    expect(log.greeting(start, ready)).toEqual(sent);
    expect(log.greeting(sent[2]?.id, ready)).toEqual([]);
  });

  it('asks for a resync when the id is from another watch, from the future, or too old to replay', () => {
    const log = new ReplayLog();
    const first = log.append(change('first'));
    expect(new ReplayLog().greeting(first.id, ready)[0]?.event).toBe('resync');
    const [instance] = first.id.split('.');
    expect(log.greeting(`${instance}.7`, ready)[0]?.event).toBe('resync');
    expect(log.greeting('garbage', ready)[0]?.event).toBe('resync');
    for (let index = 0; index < 100; index += 1) log.append(change(String(index)));
    // 100 messages are kept: the first one is gone, so a browser that saw only the start missed it.
    expect(log.greeting(`${instance}.0`, ready)[0]?.event).toBe('resync');
    expect(log.greeting(first.id, ready)).toHaveLength(100);
  });
});
