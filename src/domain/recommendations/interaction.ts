/** What a customer did with a product, as the recommendation models learn it. */
export type InteractionKind = 'view' | 'cart' | 'purchase';

export interface Interaction {
  /** The customer's profile id. */
  readonly customer: string;
  readonly productId: string;
  readonly kind: InteractionKind;
  readonly quantity: number;
  /** Epoch ms. */
  readonly at: number;
  /** The order (for purchases): products bought together share it. */
  readonly basket?: string;
  /** Lower-case, when known: popularity is also kept per country. */
  readonly country?: string;
  /** The customer's segments when it happened: popularity is also kept per segment. */
  readonly segments?: readonly string[];
}

/** How much each kind of interaction counts (a purchase says more than a view). */
export interface EventWeights {
  readonly view: number;
  readonly cart: number;
  readonly purchase: number;
}

export const DEFAULT_EVENT_WEIGHTS: EventWeights = { view: 1, cart: 3, purchase: 8 };
