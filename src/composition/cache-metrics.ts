import { Gauge, type Registry } from 'prom-client';

/** What a bounded cache reports: what it holds, its estimated memory, and the budget for it. */
export interface CacheUsage {
  readonly size: number;
  readonly bytes: number;
  readonly budgetBytes: number;
}

/**
 * Gauges `<prefix>_entries`, `<prefix>_bytes` and `<prefix>_budget_bytes` of a cache of customer
 * state, so an operator sees how much of `ATTUNE_CUSTOMER_CACHE_MIB` it fills.
 */
export function cacheMetrics(
  registry: Registry,
  prefix: string,
  what: string,
  usage: () => CacheUsage | undefined,
): void {
  const gauges = [
    ['entries', `${what} this node holds in memory`, (read: CacheUsage) => read.size],
    [
      'bytes',
      `Estimated memory of the ${what.toLowerCase()} this node holds`,
      (read: CacheUsage) => read.bytes,
    ],
    [
      'budget_bytes',
      `Memory the ${what.toLowerCase()} may take (their share of ATTUNE_CUSTOMER_CACHE_MIB)`,
      (read: CacheUsage) => read.budgetBytes,
    ],
  ] as const;
  for (const [suffix, help, value] of gauges)
    new Gauge({
      name: `${prefix}_${suffix}`,
      help,
      registers: [registry],
      collect() {
        const read = usage();
        this.reset();
        if (read !== undefined && Number.isFinite(value(read))) this.set(value(read));
      },
    });
}
