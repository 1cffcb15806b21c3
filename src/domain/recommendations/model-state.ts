import type { CoOccurrence } from './co-occurrence.js';
import { emptyHistory, type CustomerHistory } from './customer-history.js';
import type { OnlineModel } from './online-model.js';
import { NO_PRODUCT_IDS, sharedProductId } from './product-ids.js';
import { PAUSE, type Pause } from './state-pause.js';

/**
 * One record of an online model's state, as plain JSON: a tag, then its fields. A snapshot is a
 * sequence of these, so it is written and read a few at a time, never as one string.
 */
export type StateRecord = readonly unknown[];

/** Items per popularity record: a scope may hold the whole catalogue. */
const ITEMS_PER_RECORD = 1_000;

/** The neighbour lists of an online model, by their tag in a record. */
function neighbourLists(model: OnlineModel): Record<string, CoOccurrence> {
  const { browsing } = model;
  return { b: model.boughtTogether, n: browsing.next, v: browsing.previous, k: browsing.conversions };
}

/**
 * The whole state of `model` as records, lazily: customers (`c`, unless `withCustomers` is false:
 * their histories are kept elsewhere and loaded on demand), popularity (`p`), the neighbour lists
 * (`o`), browsing sessions (`s`), the count of interactions (`x`), whether the co-purchase counts
 * are exact, the first purchases they learnt and whether any are kept (`e`), and the counts (`r`: a
 * {@link CoPurchaseRecord}; snapshots before stop 51 hold `q` instead, an item's pairs with the items
 * after it by name). The model must not learn while they are read. A model restored from records
 * without `e` (an older snapshot) is to keep none ({@link CoPurchaseCounts.keepNone}). Before the
 * counts' first record come pauses ({@link PAUSE}), where a reader may give way: not records.
 */
export function* stateRecordsOf(model: OnlineModel, withCustomers = true): Generator<StateRecord | Pause> {
  yield ['x', model.observed];
  if (withCustomers) yield* customerRecordsOf(model);
  for (const [scope, items] of model.popularity.state())
    for (let first = 0; first < items.length; first += ITEMS_PER_RECORD)
      yield ['p', scope, items.slice(first, first + ITEMS_PER_RECORD)];
  for (const [tag, list] of Object.entries(neighbourLists(model)))
    for (const [item, total, neighbours] of list.state()) yield ['o', tag, item, total, neighbours];
  for (const [visitor, last, views] of model.browsing.sessions.state()) yield ['s', visitor, last, views];
  // Counts that may be wrong are kept too: which items they follow decides what EASE covers.
  yield ['e', model.coPurchases.exact, model.coPurchases.learnt, model.coPurchases.kept];
  for (const record of model.coPurchases.state()) yield record === PAUSE ? PAUSE : ['r', ...record];
}

function* customerRecordsOf(model: OnlineModel): Generator<StateRecord> {
  for (const [customer, history] of model.customers) {
    const purchases = [...history.purchases].map(([item, bought]) => [
      item,
      bought.orders,
      bought.quantity,
      bought.last,
      // Once the order it was last in; no longer kept, the place stays for older readers.
      null,
    ]);
    yield [
      'c',
      customer,
      purchases,
      history.viewed,
      history.carted,
      history.orders,
      history.lastBasket ?? null,
      history.basketItems,
    ];
  }
}

/** A record that does not read as the state of a model (a corrupt or foreign snapshot). */
export class StateRecordError extends Error {}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new StateRecordError(`not a model state record: ${what}`);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every(isNumber);
const isPairs = (value: unknown): value is [string, number][] =>
  Array.isArray(value) &&
  value.every((pair) => Array.isArray(pair) && isString(pair[0]) && isNumber(pair[1]));

/**
 * Puts one record of {@link stateRecordsOf} back into `model` (a fresh one, fed the records in the
 * order they were read; a pause restores nothing). Throws {@link StateRecordError} on a record it
 * cannot read.
 */
export function restoreStateRecord(model: OnlineModel, record: StateRecord | Pause): void {
  if (record === PAUSE) return;
  const [tag] = record;
  if (tag === 'x') {
    check(isNumber(record[1]), 'x');
    model.observed = record[1];
  } else if (tag === 'c') restoreCustomer(model, record);
  else if (tag === 'p') {
    const [, scope, items] = record;
    check(isString(scope) && Array.isArray(items), 'p');
    for (const row of items)
      check(Array.isArray(row) && isString(row[0]) && row.slice(1, 5).every(isNumber), 'p item');
    model.popularity.restoreItems(scope, items as [string, number, number, number, number][]);
  } else if (tag === 'o') {
    const [, list, item, total, neighbours] = record;
    const target = isString(list) ? neighbourLists(model)[list] : undefined;
    check(target !== undefined && isString(item) && isNumber(total) && isPairs(neighbours), 'o');
    target.restoreItem(item, total, neighbours);
  } else if (tag === 's') {
    const [, visitor, last, views] = record;
    check(isString(visitor) && isNumber(last) && isPairs(views), 's');
    model.browsing.sessions.restoreTrail(visitor, last, views);
  } else if (tag === 'e') {
    const [, exact, learnt = 0, kept = true] = record;
    check(typeof exact === 'boolean' && isNumber(learnt) && typeof kept === 'boolean', 'e');
    if (kept) model.coPurchases.clear();
    else model.coPurchases.keepNone();
    model.coPurchases.exact = exact;
    model.coPurchases.restoreLearnt(learnt);
  } else if (tag === 'r') {
    const [, item, buyers, pairs, followed, bornAt] = record;
    check(
      isString(item) &&
        isNumber(buyers) &&
        isNumbers(pairs) &&
        typeof followed === 'boolean' &&
        isNumber(bornAt),
      'r',
    );
    check(model.coPurchases.restoreItem(item, buyers, pairs, followed, bornAt), 'r: not the next product');
  } else if (tag === 'q') {
    const [, item, buyers, pairs, followed = true, bornAt = 0] = record;
    check(
      isString(item) &&
        isNumber(buyers) &&
        isPairs(pairs) &&
        typeof followed === 'boolean' &&
        isNumber(bornAt),
      'q',
    );
    model.coPurchases.restoreNamedItem(item, buyers, pairs, followed, bornAt);
  } else check(false, `tag ${String(tag)}`);
}

function restoreCustomer(model: OnlineModel, record: StateRecord): void {
  const [, customer, purchases, viewed, carted, orders, lastBasket, basketItems] = record;
  check(
    isString(customer) &&
      Array.isArray(purchases) &&
      isStrings(viewed) &&
      isStrings(carted) &&
      isNumber(orders) &&
      (lastBasket === null || isString(lastBasket)) &&
      isStrings(basketItems),
    'c',
  );
  const history: CustomerHistory = {
    ...emptyHistory(),
    viewed: sharedIds(viewed),
    carted: sharedIds(carted),
    orders,
    basketItems: sharedIds(basketItems),
    ...(lastBasket !== null && { lastBasket }),
  };
  for (const row of purchases) {
    check(Array.isArray(row) && isString(row[0]) && row.slice(1, 4).every(isNumber), 'c purchase');
    const [item, count, quantity, last, basket] = row as [string, number, number, number, unknown];
    check(basket === null || isString(basket), 'c purchase basket');
    history.purchases.add(item, count, quantity, last);
  }
  model.customers.set(customer, history);
}

/** A restored list of product ids, as a history learnt from events holds it (see `sharedProductId`). */
function sharedIds(ids: readonly string[]): readonly string[] {
  return ids.length === 0 ? NO_PRODUCT_IDS : ids.map(sharedProductId);
}
