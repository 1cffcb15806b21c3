import { describe, expect, it } from 'vitest';
import { nextTurn, ServingFirst } from './serving-first.js';

/** Whether `promise` has settled after a few turns of the event loop. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let turn = 0; turn < 5; turn += 1) await nextTurn();
  return done;
}

describe('ServingFirst', () => {
  it('gives background work its turn at once when no request is in flight', async () => {
    expect(await settled(new ServingFirst().turn())).toBe(true);
  });

  it('holds background work while a request is served, and lets it go when the last one ends', async () => {
    const serving = new ServingFirst(60_000);
    serving.requestStarted();
    serving.requestStarted();
    const turn = serving.turn();
    expect(await settled(turn)).toBe(false);
    serving.requestEnded();
    expect(await settled(turn)).toBe(false);
    serving.requestEnded();
    expect(await settled(turn)).toBe(true);
    expect(serving.inFlight).toBe(0);
  });

  it('keeps waiting when the next request starts as soon as the last one ended', async () => {
    const serving = new ServingFirst(60_000);
    serving.requestStarted();
    const turn = serving.turn();
    serving.requestEnded();
    serving.requestStarted();
    expect(await settled(turn)).toBe(false);
    serving.requestEnded();
    expect(await settled(turn)).toBe(true);
  });

  it('gives a turn after the longest wait even when requests never stop', async () => {
    const serving = new ServingFirst(20);
    serving.requestStarted();
    const turn = serving.turn();
    expect(await settled(turn)).toBe(false);
    await turn;
    expect(serving.inFlight).toBe(1);
  });

  it('never counts below zero when an end is reported twice', async () => {
    const serving = new ServingFirst(60_000);
    serving.requestEnded();
    serving.requestStarted();
    expect(serving.inFlight).toBe(1);
    expect(await settled(serving.turn())).toBe(false);
  });
});
