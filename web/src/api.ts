/** The public API as a storefront calls it: a publishable key, and a customer token once signed in. */
import {
  createAttuneClient,
  type Answer,
  type AttuneClient,
  type RequestBody,
} from '../../packages/client/src/index.js';

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

type Decision = Answer<'decide'>;
export type { Decision };
export type ListingItem = NonNullable<Decision['listing']>['items'][number];
export type RecommendedItem = NonNullable<Decision['recommendations'][string]>['items'][number];
export type Offer = Decision['offers'][number];
/** What a page renders of a product, as hydrated answers carry it. */
export type ProductCard = NonNullable<RecommendedItem['product']>;
export type Badge = NonNullable<RecommendedItem['offers']>[number];

/** The API as this storefront calls it, through the typed client (`packages/client`). */
export class Api {
  readonly #client: AttuneClient;

  constructor(private readonly config: DemoConfig) {
    this.#client = createAttuneClient({ baseUrl: location.origin, key: config.publishableKey });
  }

  /** Who the request names, and the header that proves it. */
  #identity(viewer: Viewer): {
    body: { userId: string } | { anonymousId: string };
    headers: Record<string, string>;
  } {
    return viewer.kind === 'customer'
      ? { body: { userId: viewer.userId }, headers: { 'x-customer-token': viewer.token } }
      : { body: { anonymousId: viewer.anonymousId }, headers: {} };
  }

  async decide(
    viewer: Viewer,
    page: Omit<RequestBody<'decide'>, 'userId' | 'anonymousId' | 'currency'>,
  ): Promise<Decision> {
    const { body, headers } = this.#identity(viewer);
    return answerOf(
      await this.#client.POST('/v1/decide', {
        body: { ...body, currency: this.config.currency, ...page },
        headers,
      }),
    );
  }

  /** A Segment-spec track event; money in major units, as the spec says. */
  async track(viewer: Viewer, event: string, properties: Record<string, unknown>): Promise<void> {
    const { body } = this.#identity(viewer);
    answerOf(await this.#client.POST('/v1/track', { body: { ...body, event, properties } }));
  }

  /** The customer's answer to marketing messages (journeys), through the public consent route. */
  async setMarketingConsent(viewer: Viewer & { kind: 'customer' }, marketing: boolean): Promise<void> {
    answerOf(
      await this.#client.PUT('/v1/profiles/{id}/consent', {
        params: { path: { id: viewer.userId } },
        body: { marketing },
        headers: { 'x-customer-token': viewer.token },
      }),
    );
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

/** The answer of a call, or an error that says what Attune refused. */
function answerOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  const problem = (result.error ?? {}) as { detail?: string; code?: string };
  throw new Error(problem.detail ?? problem.code ?? `${result.response.url}: ${result.response.status}`);
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

/** A journey message as the demo mailbox received it (the `data` of a `journey.message` webhook). */
export interface MailboxMessage {
  readonly messageId: string;
  readonly receivedAt: string;
  readonly data: {
    readonly journeyId: string;
    readonly reason?: string;
    readonly coupon?: { readonly code: string; readonly expiresAt: string };
    readonly recommendations?: readonly RecommendedItem[];
  };
}

/** The last message the signed-in customer received, from the demo mailbox (their token proves who they are). */
export async function lastMessage(token: string): Promise<MailboxMessage | null> {
  const response = await fetch('/demo/mailbox/last', { headers: { 'x-customer-token': token } });
  if (!response.ok) throw new Error(`the mailbox answered ${response.status}`);
  return ((await response.json()) as { message: MailboxMessage | null }).message;
}

/** What the shop's own server does at checkout: records the signed-in customer's order. */
export async function placeOrder(
  token: string,
  items: readonly { productId: string; quantity: number }[],
  coupons: readonly string[],
): Promise<{ orderId: string }> {
  const response = await fetch('/demo/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-customer-token': token },
    body: JSON.stringify({ items, ...(coupons.length > 0 && { coupons }) }),
  });
  const answer = (await response.json()) as { orderId?: string; detail?: string; code?: string };
  if (!response.ok || answer.orderId === undefined)
    throw new Error(answer.detail ?? answer.code ?? `the order was refused (${response.status})`);
  return { orderId: answer.orderId };
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
