/**
 * The ids of the items of a list that only grows, each looked up once while the list stays the same
 * array. An order's lines come one after another, each paired with every item its customer bought
 * before: a wholesaler's hundreds of items were looked up by name again for each line, a third of
 * the co-purchase counting. The ids of the last list read are kept; when the same array comes
 * again, only the items appended since are looked up. A list that is replaced rather than appended
 * to is a new array, and is read whole.
 */
export class GrowingListIds {
  #list: readonly string[] | undefined;
  #ids: number[] = [];

  constructor(private readonly idOf: (item: string) => number) {}

  /** The ids of `list`'s items, in its order (read only: kept for the next call). */
  of(list: readonly string[]): readonly number[] {
    if (this.#list !== list) {
      this.#list = list;
      this.#ids = [];
    }
    const ids = this.#ids;
    for (let index = ids.length; index < list.length; index += 1) ids.push(this.idOf(list[index] as string));
    return ids;
  }

  /** Forgets the ids kept: `idOf` gives other ids from now on. */
  forget(): void {
    this.#list = undefined;
    this.#ids = [];
  }
}
