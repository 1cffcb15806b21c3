import { fingerprint, fnv1a32, OldestKeys } from '../shared/index.js';
import type { CustomerHistory } from './customer-history.js';

/**
 * Bytes one history takes in the heap, estimated from its size: a fixed part (the cache's entry,
 * the customer's id, the history object and its purchases' object), 48 for each list that is not
 * empty, 8 for each id in them (ids are shared: see `sharedProductId`) and what its purchases
 * take (`Purchases.bytes`). Calibrated on V8 by `--only histories` (node --expose-gc
 * dist/bench/run.js) on histories of fixed shapes and on the XL shop's stream: the estimate it
 * replaced (480 + 200 a purchase + 20 an id), made when purchases were a Map of objects and each
 * history held its own copies of the ids, was half as much again as the heap they take now.
 */
export function estimateHistoryBytes(history: CustomerHistory): number {
  let bytes = 256 + history.purchases.bytes;
  for (const list of [history.viewed, history.carted, history.basketItems])
    if (list.length > 0) bytes += 48 + list.length * 8;
  return bytes;
}

interface Entry {
  readonly history: CustomerHistory;
  bytes: number;
  /** The count of entries appended to the map when this one last was: how far from the newest it is. */
  appendedAt: number;
  /** Ids of the latest events folded into it when it was loaded (their lessons may still arrive). */
  /**
   * Fingerprints of the latest events' ids folded in when it was loaded (their lessons may still
   * arrive): 8 bytes each where the ids took some 48, and a loaded history of the long tail is a
   * few hundred bytes in all.
   */
  readonly recent: readonly number[] | undefined;
}

/** Bits of the filter of customers who left the cache (1 MiB). */
const LEFT_BITS = 1 << 23;

/** Where a customer is: held, known to have no history, or to be loaded to tell. */
export type HistoryStatus = 'held' | 'none' | 'unknown';

/**
 * Customers' histories held in memory, least recently used first: all of them when the budget is
 * unbounded (the benchmarks, a model trained in one go), else a cache of the active customers
 * whose full copy lives elsewhere (the event log) and is loaded back on demand. Adding never
 * evicts: {@link trim} does, once the caller no longer needs what it just loaded.
 */
export class CustomerHistories implements Iterable<[string, CustomerHistory]> {
  readonly #entries = new Map<string, Entry>();
  readonly #leastRecent = new OldestKeys(this.#entries);
  #bytes = 0;
  /** Entries appended to the map (set, or moved to the newest end) since it was made. */
  #appended = 0;
  /** Histories dropped to stay within the budget since the model was made. */
  evicted = 0;
  /**
   * True while every customer with a history is held or has left (a model learnt from the whole log
   * from its start); false for one restored without its customers, where any customer may have one.
   */
  complete = true;
  /** A filter of the customers who left (evicted, forgotten, merged): false positives only cost a load. */
  #left: Uint8Array | undefined;
  #leftCount = 0;

  #budgetBytes: number;

  /** `budgetBytes`: Infinity keeps every history. */
  constructor(budgetBytes = Number.POSITIVE_INFINITY) {
    this.#budgetBytes = budgetBytes;
  }

  get budgetBytes(): number {
    return this.#budgetBytes;
  }

  /** A new budget; a smaller one drops the least recently used histories at once. */
  setBudget(bytes: number): void {
    this.#budgetBytes = bytes;
    this.trim();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Estimated bytes held (see {@link estimateHistoryBytes}). */
  get bytes(): number {
    return this.#bytes;
  }

  /** True when every customer with a history is held (complete, and none has left). */
  get holdsAll(): boolean {
    return this.complete && this.#leftCount === 0;
  }

  get bounded(): boolean {
    return Number.isFinite(this.budgetBytes);
  }

  has(customer: string): boolean {
    return this.#entries.has(customer);
  }

  /**
   * The customer's history, marked as used now: moved to the newest end, unless fewer than a quarter
   * of the entries were appended since it was. Moving is a delete and a set on a large Map, and a busy
   * customer is read for each of their events; eviction order is then least recently used to within a
   * quarter of the cache, and a history read is never among the oldest three quarters.
   */
  get(customer: string): CustomerHistory | undefined {
    const entry = this.#entries.get(customer);
    if (entry === undefined) return undefined;
    if (this.#appended - entry.appendedAt > this.#entries.size >> 2) {
      this.#entries.delete(customer);
      this.#entries.set(customer, entry);
      entry.appendedAt = ++this.#appended;
    }
    return entry.history;
  }

  /**
   * Whether the customer's history is held, known to be empty (nobody with a history is missing
   * from a complete cache but those who left), or must be loaded to tell.
   */
  status(customer: string): HistoryStatus {
    if (this.#entries.has(customer)) return 'held';
    return this.complete && !this.#mayHaveLeft(customer) ? 'none' : 'unknown';
  }

  /** True when the event `messageId` was in the log when the customer's history was loaded from it. */
  hasFolded(customer: string, messageId: string): boolean {
    const recent = this.#entries.get(customer)?.recent;
    return recent !== undefined && recent.includes(fingerprint(messageId));
  }

  /** Holds `history`; `recent`: ids of the latest events it was loaded with (see {@link hasFolded}). */
  set(customer: string, history: CustomerHistory, recent?: readonly string[]): void {
    this.#drop(customer);
    const fingerprints = recent === undefined || recent.length === 0 ? undefined : recent.map(fingerprint);
    const bytes =
      estimateHistoryBytes(history) + (fingerprints === undefined ? 0 : 48 + fingerprints.length * 8);
    this.#entries.set(customer, { history, bytes, recent: fingerprints, appendedAt: ++this.#appended });
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

  /** Drops the customer's history; when bounded, they count as having left (see {@link status}). */
  delete(customer: string): boolean {
    if (this.bounded) this.#markLeft(customer);
    return this.#drop(customer);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#left = undefined;
    this.#leftCount = 0;
    this.#leastRecent.reset();
  }

  /** Drops the least recently used histories until the estimate is within the budget. */
  trim(): void {
    while (this.#bytes > this.#budgetBytes) {
      const customer = this.#leastRecent.take();
      if (customer === undefined) break;
      this.delete(customer);
      this.evicted += 1;
    }
  }

  #drop(customer: string): boolean {
    const entry = this.#entries.get(customer);
    if (entry === undefined) return false;
    this.#entries.delete(customer);
    this.#bytes -= entry.bytes;
    return true;
  }

  #markLeft(customer: string): void {
    this.#left ??= new Uint8Array(LEFT_BITS / 8);
    this.#leftCount += 1;
    const bit = fnv1a32(customer) % LEFT_BITS;
    this.#left[bit >>> 3] = (this.#left[bit >>> 3] as number) | (1 << (bit & 7));
  }

  #mayHaveLeft(customer: string): boolean {
    if (this.#left === undefined) return false;
    const bit = fnv1a32(customer) % LEFT_BITS;
    return ((this.#left[bit >>> 3] as number) & (1 << (bit & 7))) !== 0;
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
