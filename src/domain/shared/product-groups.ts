/**
 * One card per product group: variants of one product (sizes, colours) share a `groupId`, and a
 * list shows the group once, as its best-ranked variant; the card names the others. Returns a test
 * to ask of each item in rank order: true for the first of its group (or an ungrouped product).
 * Groups named in `taken` (already on the page: its product, the cart, earlier items) are out.
 */
export function firstOfEachGroup(
  groupOf: (productId: string) => string | undefined,
  taken: Iterable<string> = [],
): (productId: string) => boolean {
  const seen = new Set<string>();
  for (const productId of taken) {
    const group = groupOf(productId);
    if (group !== undefined) seen.add(group);
  }
  return (productId) => {
    const group = groupOf(productId);
    if (group === undefined) return true;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  };
}
