import { Counter, Gauge, type Registry } from 'prom-client';
import type { CoPurchaseStatus, SnapshotStatus } from '../app/recommendations/recommendation-service.js';

/** What the metrics read of a node's snapshots, and whether EASE serves yet. */
export interface SnapshotStatusSource {
  snapshotStatus(): SnapshotStatus;
  coPurchaseStatus(): CoPurchaseStatus;
  readonly models: { readonly ease?: { readonly size: number } };
}

/**
 * Snapshot metrics: the newest snapshot's age and size, how many events the start read from the
 * log (after a snapshot or all of it), snapshots passed over, and whether EASE serves yet (after a
 * start it trains in the background); returns the counter of snapshots passed over.
 */
export function snapshotMetrics(
  registry: Registry,
  now: () => number,
  source: () => SnapshotStatusSource | undefined,
): Counter<'reason'> {
  new Gauge({
    name: 'attune_snapshot_age_seconds',
    help: 'Age of the newest recommendation-state snapshot this node wrote or started from',
    registers: [registry],
    collect() {
      const latest = source()?.snapshotStatus().latest;
      this.reset();
      if (latest !== undefined) this.set(Math.max(0, now() - latest.createdAt) / 1000);
    },
  });
  new Gauge({
    name: 'attune_snapshot_bytes',
    help: 'Size in the store of the newest recommendation-state snapshot this node wrote or started from',
    registers: [registry],
    collect() {
      const latest = source()?.snapshotStatus().latest;
      this.reset();
      if (latest !== undefined) this.set(latest.bytes);
    },
  });
  new Gauge({
    name: 'attune_start_replayed_events',
    help: 'Events the start read from the log: after a snapshot (from="snapshot") or all of it (from="log")',
    labelNames: ['from'] as const,
    registers: [registry],
    collect() {
      const started = source()?.snapshotStatus().started;
      this.reset();
      if (started !== undefined)
        this.set({ from: started.snapshot === undefined ? 'log' : 'snapshot' }, started.replayedEvents);
    },
  });
  new Gauge({
    name: 'attune_recommendation_ease_items',
    help: 'Items the EASE model in service covers; 0 while co-occurrence stands in (not trained yet since the start, or off)',
    registers: [registry],
    collect() {
      this.set(source()?.models.ease?.size ?? 0);
    },
  });
  new Gauge({
    name: 'attune_recommendation_co_purchase_pairs',
    help: "Pairs of products EASE's co-purchase counts hold (bounded: past the bound the least bought are dropped)",
    registers: [registry],
    collect() {
      this.set(source()?.coPurchaseStatus().pairs ?? 0);
    },
  });
  new Gauge({
    name: 'attune_recommendation_co_purchase_counts',
    help: 'Whether EASE trains from the co-purchase counts (state="exact"), from histories beside them ("inexact") or with none kept ("none", until a rebuild): 1 for the state the counts are in',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const status = source()?.coPurchaseStatus();
      this.reset();
      if (status !== undefined) this.set({ state: status.state }, 1);
    },
  });
  return new Counter({
    name: 'attune_snapshots_rejected_total',
    help: 'Stored snapshots a start passed over (and replayed more of the log instead), by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
}
