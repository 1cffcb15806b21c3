import type { PriceList } from './price-list.js';

/**
 * A price list with an erased customer's userId replaced by `standIn` in its audience, or the same
 * list when its audience does not name them. Replaced, not removed: a list for named customers
 * only would otherwise become a list for everyone once its last customer was erased. The stand-in
 * is a value no request can send (a keyed hash), so the list no longer applies to anyone new.
 */
export function withCustomerErased<T extends Pick<PriceList, 'audience'>>(
  list: T,
  userId: string,
  standIn: string,
): T {
  const customers = list.audience.customers;
  if (customers === undefined || !customers.includes(userId)) return list;
  const replaced = [...new Set(customers.map((customer) => (customer === userId ? standIn : customer)))];
  return { ...list, audience: { ...list.audience, customers: replaced } };
}
