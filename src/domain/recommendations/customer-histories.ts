import type { CustomerHistory } from './customer-history.js';

/**
 * Bytes one history takes in the heap, estimated from its size: a fixed part (the entry, the
 * history object and its arrays) and a part per purchase and per remembered id. Calibrated on V8
 * (bench `recommendations memory`): about 810 bytes for a customer with a few purchases and views.
 */
export function estimateHistoryBytes(history: CustomerHistory): number {
  const ids = history.viewed.length + history.carted.length + history.basketItems.length;
  return 360 + history.purchases.size * 150 + ids * 16;
}

interface Entry {
  readonly history: CustomerHistory;
  bytes: number;
  /** The latest event position folded into it when it was loaded (0: learnt here, never loaded). */
  readonly through: number;
}

/**
 * Customers' histories held in memory, least recently used first: all of them when the budget is
 * unbounded (the benchmarks, a model trained in one go), else a cache of the active customers
 * whose full copy lives elsewhere (the event log) and is loaded back on demand. Adding never
 * evicts: {@link trim} does, once the caller no longer needs what it just loaded.
 */
export class CustomerHistories implements Iterable<[string, CustomerHistory]> {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  /** Histories dropped to stay within the budget since the model was made. */
  evicted = 0;

  /** `budgetBytes`: Infinity keeps every history. */
  constructor(readonly budgetBytes = Number.POSITIVE_INFINITY) {}

  get size(): number {
    return this.#entries.size;
  }

  /** Estimated bytes held (see {@link estimateHistoryBytes}). */
  get bytes(): number {
    return this.#bytes;
  }

  get bounded(): boolean {
    return Number.isFinite(this.budgetBytes);
  }

  has(customer: string): boolean {
    return this.#entries.has(customer);
  }

  /** The customer's history, marked as used now. */
  get(customer: string): CustomerHistory | undefined {
    const entry = this.#entries.get(customer);
    if (entry === undefined) return undefined;
    this.#entries.delete(customer);
    this.#entries.set(customer, entry);
    return entry.history;
  }

  /** The position loaded with the history (see {@link set}), 0 when it was learnt here. */
  throughOf(customer: string): number {
    return this.#entries.get(customer)?.through ?? 0;
  }

  /** Holds `history`, loaded with every event up to position `through` folded in. */
  set(customer: string, history: CustomerHistory, through = 0): void {
    this.delete(customer);
    const bytes = estimateHistoryBytes(history);
    this.#entries.set(customer, { history, bytes, through });
    this.#bytes += bytes;
  }

  /** The history changed in place: its estimate is taken again. */
  resize(customer: string): void {
    const entry = this.#entries.get(customer);
    if (entry === undefined) return;
    const bytes = estimateHistoryBytes(entry.history);
    this.#bytes += bytes - entry.bytes;
    entry.bytes = bytes;
  }

  delete(customer: string): boolean {
    const entry = this.#entries.get(customer);
    if (entry === undefined) return false;
    this.#entries.delete(customer);
    this.#bytes -= entry.bytes;
    return true;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** Drops the least recently used histories until the estimate is within the budget. */
  trim(): void {
    if (this.#bytes <= this.budgetBytes) return;
    for (const customer of this.#entries.keys()) {
      if (this.#bytes <= this.budgetBytes) break;
      this.delete(customer);
      this.evicted += 1;
    }
  }

  keys(): IterableIterator<string> {
    return this.#entries.keys();
  }

  *values(): IterableIterator<CustomerHistory> {
    for (const entry of this.#entries.values()) yield entry.history;
  }

  *[Symbol.iterator](): IterableIterator<[string, CustomerHistory]> {
    for (const [customer, entry] of this.#entries) yield [customer, entry.history];
  }
}
