import { BrowsingSignals, type BrowsingSettings } from './browsing-signals.js';
import { CoOccurrence } from './co-occurrence.js';
import { CoPurchaseCounts } from './co-purchase-counts.js';
import { CustomerHistories } from './customer-histories.js';
import { emptyHistory, recordInHistory, remember, type CustomerHistory } from './customer-history.js';
import { DEFAULT_EVENT_WEIGHTS, type EventWeights, type Interaction } from './interaction.js';
import { DEFAULT_HALF_LIVES, DISCOVERIES, Popularity, type PopularityHalfLives } from './popularity.js';

export interface OnlineModelSettings {
  readonly weights: EventWeights;
  readonly halfLives: PopularityHalfLives;
  readonly browsing?: Partial<BrowsingSettings>;
  /**
   * Bytes of customers' histories kept in memory (see {@link CustomerHistories}); unbounded by
   * default. When bounded, the caller loads a customer's history before the model learns about them.
   */
  readonly customerBudgetBytes?: number;
  /** Pairs of products bought by one customer counted at most (see {@link CoPurchaseCounts}). */
  readonly coPurchasePairs?: number;
}

/** One profile merged into another, as the models learn it. */
export interface ProfileMerge {
  readonly from: string;
  readonly into: string;
  /**
   * False when the merged profile had placed no order (an anonymous visitor signing in, say): it
   * brings no purchases, whether or not its history is held. Absent when not known.
   */
  readonly fromOrdered?: boolean;
}

/**
 * The state that learns from each interaction at once: customers' histories (every one, or a cache
 * of the active ones), decayed
 * popularity (overall, per country, per segment, and of first purchases), products bought together,
 * and what browsing teaches (products viewed in one session, viewed next, viewed then bought).
 * Each update touches a bounded number of entries, so it stays in microseconds.
 */
export class OnlineModel {
  readonly customers: CustomerHistories;
  readonly popularity: Popularity;
  readonly boughtTogether = new CoOccurrence();
  /** What EASE trains from: customers who bought each item and each pair, kept as they buy. */
  readonly coPurchases: CoPurchaseCounts;
  readonly browsing: BrowsingSignals;
  readonly settings: OnlineModelSettings;
  /** Interactions learnt, for statistics. */
  observed = 0;
  /** Stands in for the history of a customer whose loaded history already holds what is learnt. */
  #folded: { customer: string; history: CustomerHistory } | undefined;

  constructor(settings: Partial<OnlineModelSettings> = {}) {
    this.settings = {
      weights: settings.weights ?? DEFAULT_EVENT_WEIGHTS,
      halfLives: settings.halfLives ?? DEFAULT_HALF_LIVES,
    };
    this.popularity = new Popularity(this.settings.halfLives);
    this.browsing = new BrowsingSignals(settings.browsing);
    this.customers = new CustomerHistories(settings.customerBudgetBytes);
    this.coPurchases = new CoPurchaseCounts(settings.coPurchasePairs);
  }

  /**
   * Learns one interaction. `folded`: the customer's history was loaded with it already in (from
   * the log, after it was stored), so only the shared counts learn it; a first purchase among
   * those is not told apart and is not counted as a discovery.
   */
  observe(interaction: Interaction, folded = false): void {
    this.observed += 1;
    const { customer, productId, at } = interaction;
    const weight = this.settings.weights[interaction.kind];
    if (weight > 0) {
      this.popularity.add('all', productId, weight, at);
      if (interaction.country !== undefined)
        this.popularity.add(`country:${interaction.country}`, productId, weight, at);
      for (const segment of interaction.segments ?? [])
        this.popularity.add(`segment:${segment}`, productId, weight, at);
    }
    const history = folded ? this.#foldedHistory(customer) : this.#historyOf(customer);
    if (interaction.kind === 'view') this.browsing.view(customer, productId, at);
    else if (interaction.kind === 'cart')
      this.browsing.convert(customer, productId, at, this.settings.weights.cart);
    const line = recordInHistory(history, interaction);
    if (!folded) this.customers.resize(customer);
    if (line === undefined) return;
    // A folded purchase's history held it already: whether it was the customer's first is unknown.
    if (folded) this.coPurchases.exact = false;
    else if (line.first) this.coPurchases.addFirst(productId, history.purchases.items);
    for (const other of line.boughtWith) this.boughtTogether.add(productId, other, 1);
    this.browsing.convert(customer, productId, at, this.settings.weights.purchase);
    // A customer's first purchase of an item: what discovery ranks by is what others discover now.
    if (line.first && !folded) this.popularity.add(DISCOVERIES, productId, 1, at);
  }

  /**
   * Forgets a customer's own history and their browsing session (an erasure); their part in shared
   * counts goes with the next rebuild, which reads a log that no longer holds their events.
   */
  forget(customer: string): void {
    this.customers.delete(customer);
    this.browsing.forget(customer);
  }

  /**
   * Moves a merged profile's history into the profile it merged into. With a bounded cache both are
   * dropped instead: the log names the merged profile's events after the one it went into, so
   * loading that one again gives the two histories together, whichever of them was held.
   */
  merge({ from, into, fromOrdered }: ProfileMerge): void {
    this.browsing.merge(from, into);
    this.#mergeCoPurchases(from, into, fromOrdered);
    if (this.customers.bounded) {
      this.customers.delete(from);
      this.customers.delete(into);
      return;
    }
    const source = this.customers.get(from);
    if (source === undefined) return;
    this.customers.delete(from);
    const target = this.customers.get(into);
    if (target === undefined) {
      this.customers.set(into, source);
      return;
    }
    for (const [item, bought] of source.purchases)
      target.purchases.add(item, bought.orders, bought.quantity, bought.last);
    for (const item of [...source.viewed].reverse()) target.viewed = remember(target.viewed, item);
    for (const item of [...source.carted].reverse()) target.carted = remember(target.carted, item);
    target.orders += source.orders;
    this.customers.resize(into);
  }

  /** Drops everything learnt (a rebuild replays the events that remain). */
  clear(): void {
    this.customers.clear();
    this.popularity.clear();
    this.boughtTogether.clear();
    this.coPurchases.clear();
    this.browsing.clear();
    this.observed = 0;
  }

  /**
   * The two customers' items now count as one customer's. A merged profile that bought nothing
   * changes no count, whatever the other bought; else both histories must be known here (held, or
   * known to be none), or the counts can no longer be told exact.
   */
  #mergeCoPurchases(from: string, into: string, fromOrdered: boolean | undefined): void {
    const items = (customer: string): string[] | undefined => {
      const status = this.customers.status(customer);
      if (status === 'none') return [];
      return status === 'unknown' ? undefined : [...(this.customers.get(customer)?.purchases.keys() ?? [])];
    };
    const source = fromOrdered === false ? [] : items(from);
    if (source?.length === 0) return;
    const target = items(into);
    if (source === undefined || target === undefined) {
      this.coPurchases.exact = false;
      return;
    }
    this.coPurchases.addCustomer(source, -1);
    this.coPurchases.addCustomer(target, -1);
    this.coPurchases.addCustomer([...new Set([...target, ...source])], 1);
  }

  #historyOf(customer: string): CustomerHistory {
    let history = this.customers.get(customer);
    if (history === undefined) this.customers.set(customer, (history = emptyHistory()));
    return history;
  }

  /** A scratch history per customer in turn: the orders of folded lessons still pair their items. */
  #foldedHistory(customer: string): CustomerHistory {
    if (this.#folded?.customer !== customer) this.#folded = { customer, history: emptyHistory() };
    return this.#folded.history;
  }
}
