/** One line of the benchmark table. */
export interface BenchRow {
  readonly suite: string;
  readonly name: string;
  /** The measured figure, already formatted (e.g. "12,345 req/s"). */
  readonly measured: string;
  /** The reference figure or aim it is read against, if any. */
  readonly reference?: string;
  readonly note?: string;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Prints rows as one aligned table. */
export function printTable(rows: readonly BenchRow[]): void {
  const header: BenchRow = {
    suite: 'suite',
    name: 'benchmark',
    measured: 'measured',
    reference: 'reference / aim',
    note: 'note',
  };
  const all = [header, ...rows];
  const width = (pick: (row: BenchRow) => string) => Math.max(...all.map((row) => pick(row).length));
  const columns: ((row: BenchRow) => string)[] = [
    (row) => row.suite,
    (row) => row.name,
    (row) => row.measured,
    (row) => row.reference ?? '',
    (row) => row.note ?? '',
  ];
  const widths = columns.map(width);
  const line = (row: BenchRow) =>
    columns
      .map((pick, index) => pick(row).padEnd(widths[index] as number))
      .join(' | ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}
