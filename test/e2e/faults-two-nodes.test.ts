import { describe, expect, it } from 'vitest';
import {
  PHASES,
  phaseFailures,
  phaseFigures,
  runFaultDrill,
  type DrillResult,
  type Phase,
} from '../../bench/lib/fault-drill.js';
import { postgresUrl, redisUrl } from '../support/services.js';

/**
 * Two server processes on PostgreSQL and Redis under load while PostgreSQL restarts, Redis
 * restarts, one node is killed with SIGKILL and one is paused past what the bus keeps
 * (bench/lib/fault-drill.ts; `npm run bench -- --only faults` prints its error rates and p99).
 */
describe.skipIf(postgresUrl === null || redisUrl === null)('two nodes through faults', () => {
  let result: DrillResult;

  it('loses no acknowledged event, overspends no budget, and both nodes answer again after', async () => {
    result = await runFaultDrill({ postgresUrl: postgresUrl as string, redisUrl: redisUrl as string });
    expect(result.acknowledged.length).toBeGreaterThan(100);
    const lost = result.acknowledged.filter((id) => !result.stored.has(id));
    expect(lost).toEqual([]);
    expect(result.discountStored).toBeLessThanOrEqual(result.budget);
    // An order may commit and lose its answer to the fault (a retry with its orderId gets it).
    expect(result.discountAnswered).toBeLessThanOrEqual(result.discountStored);
    expect(result.discountAnswered).toBeGreaterThan(0);
    expect(result.readyAtEnd).toEqual({ A: true, B: true });
  }, 240_000);

  it('keeps the survivor answering while the other node is killed or paused', () => {
    for (const phase of ['node B killed', 'node B paused'] as const) {
      const survivor = phaseFigures(result.samples, phase, 'A');
      expect(survivor.requests, phase).toBeGreaterThan(0);
      // A request that outlasts the drill's 10 s client timeout on a saturated machine counts as failed.
      expect(survivor.errorRate, failuresOf(phase, 'A')).toBeLessThanOrEqual(0.05);
    }
    // Both nodes serve again once every fault is over (the resumed node may still time out a request).
    for (const node of ['A', 'B'] as const)
      expect(
        phaseFigures(result.samples, 'after', node).errorRate,
        failuresOf('after', node),
      ).toBeLessThanOrEqual(0.05);
    expect(PHASES.every((phase) => result.samples.some((sample) => sample.phase === phase))).toBe(true);
  });

  /** Says, when a bound is exceeded, which requests failed and how (status 0: refused, reset or past 10 s). */
  function failuresOf(phase: Phase, node: 'A' | 'B'): string {
    const { requests } = phaseFigures(result.samples, phase, node);
    return `${phase}, node ${node}, ${requests} requests, failed: ${JSON.stringify(phaseFailures(result.samples, phase, node))}`;
  }

  it('has the paused node catch up on the changes the bus no longer kept', () => {
    expect(result.pausedNodeCaughtUp).toBe(true);
  });
});
