/**
 * A realistic mix of segment rules for benchmarks: trait conditions, computed fields, event counts
 * and sums in windows (some filtered by category), and segments built on others.
 */
export function syntheticSegments(count: number): { id: string; name: string; rule: object }[] {
  const categories = [
    'home',
    'kitchen',
    'garden',
    'seasonal/christmas',
    'jewellery',
    'stationery',
    'bags',
    'toys-games',
  ];
  const countries = ['GB', 'FR', 'DE', 'NL', 'ES', 'IE'];
  const segments: { id: string; name: string; rule: object }[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = `bench-${index}`;
    const category = categories[index % categories.length] as string;
    let rule: object;
    switch (index % 6) {
      case 0:
        rule = {
          trait: 'traits.country',
          op: 'in',
          value: [countries[index % countries.length], countries[(index + 1) % countries.length]],
        };
        break;
      case 1:
        rule = { trait: 'computed.orderCount', op: 'gte', value: 1 + (index % 12) };
        break;
      case 2:
        rule = { event: 'Order Completed', within: `${7 + (index % 60)}d`, count: { gte: 1 + (index % 3) } };
        break;
      case 3:
        rule = {
          event: 'Product Viewed',
          within: `${1 + (index % 14)}d`,
          where: { category },
          count: { gte: 2 },
        };
        break;
      case 4:
        rule = {
          event: 'Order Completed',
          within: '90d',
          sum: { property: 'total', gte: 1000 * (1 + (index % 20)) },
        };
        break;
      default:
        rule =
          index >= 6
            ? {
                all: [
                  { segment: `bench-${index - 5}` },
                  { trait: 'computed.lifetimeValue.GBP', op: 'gte', value: 5000 },
                ],
              }
            : { trait: 'traits.email', op: 'exists' };
    }
    segments.push({ id, name: id, rule });
  }
  return segments;
}
