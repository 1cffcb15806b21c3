import { formatNumber, type BenchRow } from './report.js';
import type { IngestionSlices, ProbeFigures } from './scale-ingest.js';
import type { ServingResult } from './scale-serving.js';
import type { ShopSize } from './scale-shop.js';

/** Rows of the scale suite, formatted alike for one node and two. */

/** `values` as `1 · 2 · 3`. */
export function list(values: readonly number[], digits = 0): string {
  return values.map((value) => formatNumber(value, digits)).join(' · ');
}

/** A row of the suite named `label: name`. */
export function scaleRow(label: string, name: string, measured: string, note?: string): BenchRow {
  return { suite: 'scale', name: `${label}: ${name}`, measured, ...(note !== undefined && { note }) };
}

/** The history's shape: events, customers, products. */
export function shapeOf(size: ShopSize): string {
  return `${formatNumber(size.events)} events, ${formatNumber(size.customers)} customers, ${formatNumber(size.products)} products`;
}

/** Batches refused, if any: a note to add to the round-trip row. */
function refusals(ingestion: IngestionSlices): string | undefined {
  if (ingestion.refused === 0) return undefined;
  return `${formatNumber(ingestion.refused)} batches refused, the first: ${ingestion.firstRefusal ?? ''}`;
}

/** Ingestion by slice, CPU per event, and the batch round trip. */
export function ingestionRows(
  label: string,
  size: ShopSize,
  ingestion: IngestionSlices,
  options: {
    readonly batch: number;
    readonly senders: number;
    readonly slices: number;
    readonly note?: string;
  },
): BenchRow[] {
  const extra = options.note === undefined ? '' : `; ${options.note}`;
  return [
    scaleRow(
      label,
      `ingestion events/s per ${100 / options.slices} % of the history`,
      `${formatNumber(ingestion.overallRate)} events/s overall`,
      `${shapeOf(size)}; per slice: ${list(ingestion.rates)}${extra}`,
    ),
    scaleRow(label, 'server CPU ms per event, per slice', list(ingestion.cpuPerEvent, 2)),
    scaleRow(
      label,
      `batch round trip (${options.batch} events, ${options.senders} senders)`,
      `p99 ${formatNumber(ingestion.batchP99Ms)} ms, worst ${formatNumber(ingestion.batchMaxMs)} ms`,
      refusals(ingestion),
    ),
    scaleRow(
      label,
      'a product read while ingesting (1 connection, one every 20 ms)',
      probeFigures(ingestion.probe),
      "the event loop's wait, as a shopper meets it",
    ),
  ];
}

/** `p50 1.2 ms, p99 40 ms, worst 95 ms (2,400 reads)`. */
export function probeFigures(probe: ProbeFigures): string {
  return `p50 ${formatNumber(probe.p50Ms, 1)} ms, p99 ${formatNumber(probe.p99Ms)} ms, worst ${formatNumber(probe.maxMs)} ms (${formatNumber(probe.count)} reads)`;
}

/** `12 req/s, p99 3 ms, 4.5 CPU ms/req`. */
export function servingFigures(result: ServingResult): string {
  return `${formatNumber(result.requestsPerSecond)} req/s, p99 ${formatNumber(result.p99Ms)} ms, ${formatNumber(result.cpuMsPerRequest, 1)} CPU ms/req`;
}
