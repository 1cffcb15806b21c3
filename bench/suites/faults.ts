import { PHASES, phaseFigures, runFaultDrill } from '../lib/fault-drill.js';
import type { BenchRow } from '../lib/report.js';

const POSTGRES = process.env['ATTUNE_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env['ATTUNE_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Two nodes on PostgreSQL and Redis through faults (bench/lib/fault-drill.ts): each phase's error
 * rate and p99 per node, then what was lost or overspent. One drill per run.
 */
export async function faultsSuite(runs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (let run = 0; run < Math.max(1, runs); run += 1) {
    const result = await runFaultDrill({ postgresUrl: POSTGRES, redisUrl: REDIS, faultMs: 5_000 });
    for (const phase of PHASES) {
      const figures = (['A', 'B'] as const).map((node) => {
        const { requests, errorRate, p99 } = phaseFigures(result.samples, phase, node);
        return `${node}: ${requests} requests, ${(errorRate * 100).toFixed(1)} % failed, p99 ${Math.round(p99)} ms`;
      });
      rows.push({ suite: 'faults', name: `run ${run + 1}, ${phase}`, measured: figures.join('; ') });
    }
    const lost = result.acknowledged.filter((id) => !result.stored.has(id)).length;
    rows.push({
      suite: 'faults',
      name: `run ${run + 1}, acknowledged events lost`,
      measured: `${lost} of ${result.acknowledged.length}`,
      reference: '0',
    });
    rows.push({
      suite: 'faults',
      name: `run ${run + 1}, coupon budget`,
      measured: `${result.discountStored} given of ${result.budget} (answered ${result.discountAnswered})`,
      reference: `≤ ${result.budget}`,
    });
    rows.push({
      suite: 'faults',
      name: `run ${run + 1}, paused node caught up / ready at the end`,
      measured: `${result.pausedNodeCaughtUp ? 'yes' : 'no'} / A ${result.readyAtEnd.A ? 'yes' : 'no'}, B ${result.readyAtEnd.B ? 'yes' : 'no'}`,
    });
  }
  return rows;
}
