/** Units available per location for one product. */
export type StockByLocation = ReadonlyMap<string, number>;

/** The location used when a stock update names none. */
export const DEFAULT_LOCATION = 'default';

/**
 * Whether a product can be sold. A product with no stock record counts as available (merchants who do
 * not track stock must still sell); with records, it needs a positive total across locations.
 */
export function isAvailable(stock: StockByLocation | undefined): boolean {
  if (stock === undefined || stock.size === 0) return true;
  for (const available of stock.values()) if (available > 0) return true;
  return false;
}

/** Total units across locations, or `undefined` when the product's stock is not tracked. */
export function totalAvailable(stock: StockByLocation | undefined): number | undefined {
  if (stock === undefined || stock.size === 0) return undefined;
  let total = 0;
  for (const available of stock.values()) total += available;
  return total;
}
