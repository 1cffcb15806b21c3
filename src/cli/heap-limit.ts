import { getHeapStatistics } from 'node:v8';

/**
 * The old-generation heap limit a node runs with, MiB: `npm start` passes it to Node as
 * `--max-old-space-size`. V8 lets a heap whose limit is 2 GiB or more grow to up to four times
 * what is live before its next full collection, and one whose limit is below 2 GiB to twice, so
 * the resident memory of a node whose live heap is a few hundred MB follows V8's sizing more than
 * what the node holds. What a node keeps is bounded by the catalogue and
 * `ATTUNE_CUSTOMER_CACHE_MIB`: several hundred MB at the benchmark's largest shops, well below it.
 */
export const NODE_HEAP_LIMIT_MIB = 2047;

/**
 * How far past what is live V8 lets the heap grow before its next full collection, percent
 * (`--heap-growing-percent`): a fixed 1.4 in place of V8's own factor, which reached 2 under full
 * ingestion. Measured on SQLite (docs/evaluation.md, "V8's growing factor"): peak RSS a fifth lower
 * at the XL shop and an eighth at M, for 6–10 % more CPU while ingesting and none while serving.
 */
export const NODE_HEAP_GROWING_PERCENT = 40;

/** The Node flags `npm start` runs a node with, in that order. */
export const NODE_FLAGS: readonly string[] = [
  `--max-old-space-size=${NODE_HEAP_LIMIT_MIB}`,
  `--heap-growing-percent=${NODE_HEAP_GROWING_PERCENT}`,
];

/** The heap limit this process runs with, MiB (young generation included), as `attune serve` logs it. */
export function heapLimitMib(): number {
  return Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
}
