/** The public API as a storefront calls it: a publishable key, and a customer token once signed in. */

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface DemoConfig {
  readonly publishableKey: string;
  readonly currency: string;
  readonly customers: readonly { readonly userId: string; readonly label: string }[];
  readonly categories: readonly string[];
}

/** Who is looking: a demo customer (with the token the shop's server minted) or an anonymous visitor. */
export type Viewer =
  | { readonly kind: 'customer'; readonly userId: string; readonly token: string }
  | { readonly kind: 'visitor'; readonly anonymousId: string };

export interface ListingItem {
  readonly productId: string;
  readonly title: string;
  readonly price: { readonly final: Money; readonly base?: Money | null };
  /** The item promotions open to this customer on it. */
  readonly offers: readonly { readonly promotionId: string; readonly badge: string }[];
  readonly inStock: boolean;
  readonly reasons: readonly string[];
}

export interface RecommendedItem {
  readonly productId: string;
  readonly reason: string;
}

export interface Offer {
  readonly promotionId: string;
  readonly title: string;
  readonly badge: string;
  readonly missing?: { readonly amount?: Money; readonly quantity?: number };
}

export interface CartLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly total: Money;
}

export interface Decision {
  readonly decisionId: string;
  readonly personalized: boolean;
  readonly customer: { readonly segments: readonly string[]; readonly loyaltyTier?: string };
  readonly listing?: { readonly items: readonly ListingItem[]; readonly nextCursor: string | null };
  readonly recommendations: Readonly<Record<string, { readonly items: readonly RecommendedItem[] }>>;
  readonly content: Readonly<
    Record<string, { readonly variantId: string; readonly payload: unknown; readonly reason: string }>
  >;
  readonly cart?: {
    readonly lines?: readonly CartLine[];
    readonly subtotal?: Money;
    readonly discounts?: readonly { readonly promotionId: string; readonly amount: Money }[];
    readonly total?: Money;
    readonly applied?: readonly { readonly promotionId: string; readonly reason: string }[];
    readonly nudges?: readonly { readonly promotionId: string; readonly message: string }[];
    readonly error?: { readonly code: string; readonly detail: string };
  };
  readonly offers: readonly Offer[];
}

export interface Product {
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly price: Money;
  readonly inStock?: boolean;
}

export class Api {
  constructor(private readonly config: DemoConfig) {}

  /** Who the request names, and the header that proves it. */
  #identity(viewer: Viewer): { body: Record<string, string>; headers: Record<string, string> } {
    return viewer.kind === 'customer'
      ? { body: { userId: viewer.userId }, headers: { 'x-customer-token': viewer.token } }
      : { body: { anonymousId: viewer.anonymousId }, headers: {} };
  }

  async #call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${this.config.publishableKey}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string; code?: string };
      throw new Error(problem.detail ?? problem.code ?? `${method} ${path}: ${response.status}`);
    }
    return (await response.json()) as T;
  }

  decide(viewer: Viewer, page: Record<string, unknown>): Promise<Decision> {
    const { body, headers } = this.#identity(viewer);
    return this.#call('POST', '/v1/decide', { ...body, currency: this.config.currency, ...page }, headers);
  }

  product(id: string): Promise<Product> {
    return this.#call('GET', `/v1/products/${encodeURIComponent(id)}`);
  }

  async price(viewer: Viewer, productId: string): Promise<Money | undefined> {
    const { body, headers } = this.#identity(viewer);
    const answer = await this.#call<{ items: { final?: Money }[] }>(
      'POST',
      '/v1/prices:resolve',
      { ...body, currency: this.config.currency, items: [{ productId, quantity: 1 }] },
      headers,
    );
    return answer.items[0]?.final;
  }

  /** A Segment-spec track event; money in major units, as the spec says. */
  async track(viewer: Viewer, event: string, properties: Record<string, unknown>): Promise<void> {
    const { body } = this.#identity(viewer);
    await this.#call('POST', '/v1/track', { ...body, event, properties });
  }

  /** The live stream of this page; EventSource cannot send headers, so key and token go in the query. */
  stream(
    viewer: Viewer,
    products: readonly string[],
    context: Readonly<Record<string, string>>,
  ): EventSource {
    const query = new URLSearchParams({ key: this.config.publishableKey, currency: this.config.currency });
    if (viewer.kind === 'customer') {
      query.set('userId', viewer.userId);
      query.set('token', viewer.token);
    } else query.set('anonymousId', viewer.anonymousId);
    if (products.length > 0) query.set('products', products.slice(0, 50).join(','));
    // The page's context, as its decide calls send it: price lists and segments may read it.
    for (const [name, value] of Object.entries(context)) query.set(name, value);
    return new EventSource(`/v1/stream?${query.toString()}`);
  }
}

/** What the shop's own server does in real life: mint a customer token for the signed-in customer. */
export async function signIn(userId: string): Promise<string> {
  const response = await fetch('/demo/customer-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`could not sign in as ${userId}`);
  return ((await response.json()) as { token: string }).token;
}

export async function loadConfig(): Promise<DemoConfig | undefined> {
  const response = await fetch('/demo/config');
  return response.ok ? ((await response.json()) as DemoConfig) : undefined;
}

export function formatMoney(money: Money): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency }).format(
    money.amount / 100,
  );
}
