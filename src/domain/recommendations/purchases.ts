import { NO_PRODUCT_IDS, sharedProductId } from './product-ids.js';

/** The empty list of numbers every {@link Purchases} starts with: replaced, not changed, while short. */
const NO_NUMBERS: readonly number[] = Object.freeze([]);

/** What one customer bought of one product, as the personal strategies read it. */
export interface PurchasedItem {
  /** Distinct orders it was in. */
  readonly orders: number;
  readonly quantity: number;
  /** Epoch ms of the latest order. */
  readonly last: number;
}

/** Numbers kept per item: its orders, quantity and latest order, in that order. */
const STRIDE = 3;

/**
 * Items up to which a lookup scans the list; past it, an index by id is kept. Most customers
 * bought a few items, and an index costs some 40 bytes an item; a wholesaler's thousands need one.
 */
const SCANNED = 32;

/**
 * A customer's purchases by product, in the order first bought: read as a map from each item to
 * what they bought of it. Packed into two arrays (the item's id, shared by every history, and
 * its three numbers, unboxed) so that an item takes some 32 bytes where a Map of objects took
 * 200: over a million customers, their purchases are most of what a node holds for them, and the
 * fewer bytes each takes, the more customers a cache's budget keeps.
 */
export class Purchases implements Iterable<[string, PurchasedItem]> {
  #items = NO_PRODUCT_IDS as string[];
  #numbers = NO_NUMBERS as number[];
  /** Each item's place in {@link #items}, once there are more than {@link SCANNED}. */
  #places: Map<string, number> | undefined;

  get size(): number {
    return this.#items.length;
  }

  /**
   * Heap bytes these purchases take beyond an empty list's, estimated (see
   * `estimateHistoryBytes`): the two arrays and the order kept with them, 32 bytes an item
   * (its id's reference and three numbers), and once indexed, the index's entry and the room
   * pushes leave, some 48 more.
   */
  get bytes(): number {
    const items = this.#items.length;
    if (items === 0) return 0;
    return 170 + items * (this.#places === undefined ? 32 : 80);
  }

  has(item: string): boolean {
    return this.#placeOf(item) >= 0;
  }

  get(item: string): PurchasedItem | undefined {
    const place = this.#placeOf(item);
    return place < 0 ? undefined : this.#at(place);
  }

  /**
   * Adds to what was bought of `item`: `orders` more orders, `quantity` more units, and `last` as
   * its latest order when later than the one known. A new item goes last.
   */
  add(item: string, orders: number, quantity: number, last: number): void {
    const place = this.#placeOf(item);
    if (place < 0) {
      this.#append(sharedProductId(item), orders, quantity, last);
      return;
    }
    const numbers = this.#numbers;
    const at = place * STRIDE;
    numbers[at] = (numbers[at] as number) + orders;
    numbers[at + 1] = (numbers[at + 1] as number) + quantity;
    numbers[at + 2] = Math.max(numbers[at + 2] as number, last);
  }

  keys(): IterableIterator<string> {
    return this.#items.values();
  }

  /**
   * The items in the order first bought, as a list that only grows: while it stays the same array,
   * a reader that saw it before may take its earlier items as it saw them (a short list is replaced
   * by a longer copy instead). Read it, never change it.
   */
  get items(): readonly string[] {
    return this.#items;
  }

  *entries(): IterableIterator<[string, PurchasedItem]> {
    for (const [place, item] of this.#items.entries()) yield [item, this.#at(place)];
  }

  [Symbol.iterator](): IterableIterator<[string, PurchasedItem]> {
    return this.entries();
  }

  /**
   * A new item. A short list is copied to its exact length (`concat`: V8 makes room for 16 more on a push or a spread,
   * and most customers bought a few items); a long one grows by pushes, which cost less in all.
   */
  #append(id: string, orders: number, quantity: number, last: number): void {
    if (this.#places !== undefined) {
      this.#places.set(id, this.#items.length);
      this.#items.push(id);
      this.#numbers.push(orders, quantity, last);
      return;
    }
    this.#items = this.#items.concat([id]);
    this.#numbers = this.#numbers.concat([orders, quantity, last]);
    if (this.#items.length > SCANNED) this.#places = new Map(this.#items.map((each, index) => [each, index]));
  }

  #placeOf(item: string): number {
    return this.#places === undefined ? this.#items.indexOf(item) : (this.#places.get(item) ?? -1);
  }

  #at(place: number): PurchasedItem {
    const at = place * STRIDE;
    const numbers = this.#numbers;
    return {
      orders: numbers[at] as number,
      quantity: numbers[at + 1] as number,
      last: numbers[at + 2] as number,
    };
  }
}
