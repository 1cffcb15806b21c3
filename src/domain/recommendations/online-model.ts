import { BrowsingSignals, type BrowsingSettings } from './browsing-signals.js';
import { CoOccurrence } from './co-occurrence.js';
import { emptyHistory, remember, type CustomerHistory, type PurchasedItem } from './customer-history.js';
import { DEFAULT_EVENT_WEIGHTS, type EventWeights, type Interaction } from './interaction.js';
import { DEFAULT_HALF_LIVES, DISCOVERIES, Popularity, type PopularityHalfLives } from './popularity.js';

export interface OnlineModelSettings {
  readonly weights: EventWeights;
  readonly halfLives: PopularityHalfLives;
  readonly browsing?: Partial<BrowsingSettings>;
}

/** Items of one order paired with each other, at most: a 300-line order must not cost 45,000 updates. */
const MAX_BASKET_PAIRS = 30;
/**
 * The state that learns from each interaction at once: every customer's history, decayed
 * popularity (overall, per country, per segment, and of first purchases), products bought together,
 * and what browsing teaches (products viewed in one session, viewed next, viewed then bought).
 * Each update touches a bounded number of entries, so it stays in microseconds.
 */
export class OnlineModel {
  readonly customers = new Map<string, CustomerHistory>();
  readonly popularity: Popularity;
  readonly boughtTogether = new CoOccurrence();
  readonly browsing: BrowsingSignals;
  readonly settings: OnlineModelSettings;
  /** Interactions learnt, for statistics. */
  observed = 0;

  constructor(settings: Partial<OnlineModelSettings> = {}) {
    this.settings = {
      weights: settings.weights ?? DEFAULT_EVENT_WEIGHTS,
      halfLives: settings.halfLives ?? DEFAULT_HALF_LIVES,
    };
    this.popularity = new Popularity(this.settings.halfLives);
    this.browsing = new BrowsingSignals(settings.browsing);
  }

  observe(interaction: Interaction): void {
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
    let history = this.customers.get(customer);
    if (history === undefined) this.customers.set(customer, (history = emptyHistory()));
    switch (interaction.kind) {
      case 'view':
        this.browsing.view(customer, productId, at);
        history.viewed = remember(history.viewed, productId);
        break;
      case 'cart':
        this.browsing.convert(customer, productId, at, this.settings.weights.cart);
        history.carted = remember(history.carted, productId);
        break;
      case 'purchase':
        this.#purchase(history, interaction);
        break;
    }
  }

  /**
   * Forgets a customer's own history and their browsing session (an erasure); their part in shared
   * counts goes with the next rebuild, which reads a log that no longer holds their events.
   */
  forget(customer: string): void {
    this.customers.delete(customer);
    this.browsing.forget(customer);
  }

  /** Moves a merged profile's history into the profile it merged into. */
  merge(from: string, into: string): void {
    this.browsing.merge(from, into);
    const source = this.customers.get(from);
    if (source === undefined) return;
    this.customers.delete(from);
    const target = this.customers.get(into);
    if (target === undefined) {
      this.customers.set(into, source);
      return;
    }
    for (const [item, bought] of source.purchases) {
      const mine = target.purchases.get(item);
      target.purchases.set(
        item,
        mine === undefined
          ? bought
          : {
              orders: mine.orders + bought.orders,
              quantity: mine.quantity + bought.quantity,
              last: Math.max(mine.last, bought.last),
              ...(mine.lastBasket !== undefined && { lastBasket: mine.lastBasket }),
            },
      );
    }
    for (const item of [...source.viewed].reverse()) target.viewed = remember(target.viewed, item);
    for (const item of [...source.carted].reverse()) target.carted = remember(target.carted, item);
    target.orders += source.orders;
  }

  /** Drops everything learnt (a rebuild replays the events that remain). */
  clear(): void {
    this.customers.clear();
    this.popularity.clear();
    this.boughtTogether.clear();
    this.browsing.clear();
    this.observed = 0;
  }

  #purchase(history: CustomerHistory, interaction: Interaction): void {
    const { productId, basket } = interaction;
    const newOrder = basket === undefined || basket !== history.lastBasket;
    if (newOrder) {
      history.orders += 1;
      history.basketItems = [];
      if (basket === undefined) delete history.lastBasket;
      else history.lastBasket = basket;
    }
    if (history.basketItems.includes(productId)) return this.#count(history, interaction, false);
    for (const other of history.basketItems.slice(-MAX_BASKET_PAIRS))
      this.boughtTogether.add(productId, other, 1);
    history.basketItems.push(productId);
    this.browsing.convert(interaction.customer, productId, interaction.at, this.settings.weights.purchase);
    // A customer's first purchase of an item: what discovery ranks by is what others discover now.
    if (!history.purchases.has(productId)) this.popularity.add(DISCOVERIES, productId, 1, interaction.at);
    this.#count(history, interaction, true);
  }

  #count(history: CustomerHistory, interaction: Interaction, newInOrder: boolean): void {
    const bought: PurchasedItem | undefined = history.purchases.get(interaction.productId);
    history.purchases.set(interaction.productId, {
      orders: (bought?.orders ?? 0) + (newInOrder ? 1 : 0),
      quantity: (bought?.quantity ?? 0) + interaction.quantity,
      last: Math.max(bought?.last ?? 0, interaction.at),
      ...(interaction.basket !== undefined && { lastBasket: interaction.basket }),
    });
  }
}
