/**
 * One copy of each product id for every customer history in the process. An id parsed from an
 * event is a new string each time: kept as it came, a million histories would each hold their own
 * copies of the same catalogue's ids (some 30 bytes each, more than the reference to it). The
 * table holds the ids customers bought, viewed or added (products known to the catalogue), so it
 * grows with the catalogue, not with the customers or the events; it is never emptied, since any
 * history may still refer to an id.
 */
const ids = new Map<string, string>();

/** The process's copy of `id`: equal to it, and the same string for every history that names it. */
export function sharedProductId(id: string): string {
  const shared = ids.get(id);
  if (shared !== undefined) return shared;
  ids.set(id, id);
  return id;
}

/**
 * The one empty list of product ids every history starts its lists with (frozen: such lists are
 * replaced, never changed), so that the long tail of customers seen once or twice does not each
 * hold empty arrays of their own.
 */
export const NO_PRODUCT_IDS: readonly string[] = Object.freeze([]);
