import {
  Api,
  formatMoney,
  lastMessage,
  loadConfig,
  placeOrder,
  signIn,
  type DemoConfig,
  type Viewer,
} from './api.js';
import { html, type Markup } from './html.js';
import { cartItems, readCart, viewerKey, writeCart } from './cart-storage.js';
import { mailboxOf, nextMessage } from './mailbox.js';
import {
  cartView,
  hero,
  listingGrid,
  offersPanel,
  productDetail,
  recommendationRow,
  whoIsLooking,
} from './views.js';
import './style.css';

/** The demo storefront: one `decide` per page, events on every click, and the live stream keeping it fresh. */

const page = document.querySelector<HTMLElement>('#page') as HTMLElement;
const viewerSelect = document.querySelector<HTMLSelectElement>('#viewer') as HTMLSelectElement;
const toasts = document.querySelector<HTMLElement>('#toasts') as HTMLElement;
const live = document.querySelector<HTMLElement>('#live') as HTMLElement;

interface State {
  readonly config: DemoConfig;
  readonly api: Api;
  viewer: Viewer;
  stream?: EventSource;
  /** The page's products, so the stream watches what is on screen. */
  shown: string[];
  lastDecisionId?: string;
  /** Counts renders: a page fetched for an older render is not drawn over a newer one. */
  renders: number;
  /** The viewer and product whose view was last tracked: a redraw is not another view. */
  viewed?: string;
  /** The quantity typed on a product page, kept when the page is drawn again. */
  quantity?: { readonly productId: string; readonly value: string };
}

/** Draws a fetched page; called only while its render is still the latest. */
type Draw = () => void;

function anonymousId(): string {
  let id = localStorage.getItem('attune-demo-anonymous-id');
  if (id === null) {
    id = `anon-${crypto.randomUUID()}`;
    localStorage.setItem('attune-demo-anonymous-id', id);
  }
  return id;
}

function toast(kind: string, text: string): void {
  const element = document.createElement('div');
  element.className = `toast ${kind}`;
  element.dataset['event'] = kind;
  element.textContent = text;
  toasts.prepend(element);
  setTimeout(() => element.remove(), 15_000);
}

function show(markup: Markup): void {
  page.innerHTML = markup.text;
}

const CONTEXT = { channel: 'web', device: 'desktop', country: 'GB' };

async function home(state: State): Promise<Draw> {
  const decision = await state.api.decide(state.viewer, {
    context: { ...CONTEXT, page: { type: 'home' } },
    recommendations: [
      { slot: 'for-you', strategy: 'for-you', limit: 8 },
      { slot: 'trending', strategy: 'trending', limit: 8 },
    ],
    content: ['home-hero'],
    cart: { items: cartItems(state.viewer) },
  });
  const mailbox = await mailboxOf(state.api, state.viewer);
  return () => {
    state.lastDecisionId = decision.decisionId;
    state.shown = Object.values(decision.recommendations).flatMap((answer) =>
      answer.items.map((item) => item.productId),
    );
    show(
      html`${whoIsLooking(decision)} ${hero(decision)} ${mailbox.markup} ${offersPanel(decision.offers)}
      ${recommendationRow('Picked for you', decision.recommendations['for-you']?.items ?? [], 'for-you')}
      ${recommendationRow('Trending now', decision.recommendations['trending']?.items ?? [], 'trending')}`,
    );
    mailbox.wire();
  };
}

async function category(state: State, categoryId: string): Promise<Draw> {
  const decision = await state.api.decide(state.viewer, {
    context: { ...CONTEXT, page: { type: 'category', category: categoryId } },
    listing: { category: categoryId, limit: 24 },
    recommendations: [
      { slot: 'for-you', strategy: 'for-you', limit: 6 },
      { slot: 'popular', strategy: 'popular', limit: 6 },
    ],
    content: ['home-hero'],
    cart: { items: cartItems(state.viewer) },
  });
  return () => {
    state.lastDecisionId = decision.decisionId;
    const items = decision.listing?.items ?? [];
    state.shown = items.map((item) => item.productId);
    show(
      html`${whoIsLooking(decision)}
        <h1>${categoryId}</h1>
        ${offersPanel(decision.offers)} ${listingGrid(items)}
        ${recommendationRow('Picked for you', decision.recommendations['for-you']?.items ?? [], 'for-you')}`,
    );
  };
}

async function product(state: State, productId: string): Promise<Draw> {
  // One call: the product, its price and badges, both lists, the cart and offers, hydrated.
  const decision = await state.api.decide(state.viewer, {
    context: { ...CONTEXT, page: { type: 'product', productId } },
    product: { productId },
    recommendations: [
      { slot: 'similar', strategy: 'similar', limit: 6 },
      { slot: 'bought-together', strategy: 'bought-together', limit: 6 },
    ],
    cart: { items: cartItems(state.viewer) },
  });
  const details = decision.product;
  if (details?.product === undefined) return () => show(html`<p class="error">No such product.</p>`);
  const shown = details.product;
  const title = shown.title;
  const price = details.price?.final;
  return () => {
    state.lastDecisionId = decision.decisionId;
    state.shown = [productId];
    show(
      html`${whoIsLooking(decision)}
      ${productDetail(productId, shown, price === undefined ? '' : formatMoney(price), details.offers ?? [])}
      ${offersPanel(decision.offers)}
      ${recommendationRow('Similar', decision.recommendations['similar']?.items ?? [], 'similar')}
      ${recommendationRow('Bought together', decision.recommendations['bought-together']?.items ?? [], 'bought-together')}`,
    );
    // A view is counted once per visit to the page, not each time the page is drawn again.
    const visit = `${viewerKey(state.viewer)} ${productId}`;
    if (state.viewed !== visit) {
      state.viewed = visit;
      void state.api.track(state.viewer, 'Product Viewed', {
        product_id: productId,
        price: price === undefined ? undefined : price.amount / 100,
        decision_id: decision.decisionId,
      });
    }
    // Drawing the page again (after an add, or a live change) keeps what the shopper typed.
    const quantityInput = document.querySelector('#quantity') as HTMLInputElement;
    if (state.quantity?.productId === productId) quantityInput.value = state.quantity.value;
    quantityInput.addEventListener('input', () => {
      state.quantity = { productId, value: quantityInput.value };
    });
    document.querySelector('#add-to-cart')?.addEventListener('click', () => {
      const quantity = Math.max(1, Math.min(99, Number(quantityInput.value) || 1));
      const cart = readCart(state.viewer);
      cart.set(productId, (cart.get(productId) ?? 0) + quantity);
      writeCart(state.viewer, cart);
      toast('added', `Added ${quantity} × ${title}`);
      // The event moves the profile's cart; the stream then says when an offer unlocks.
      void state.api.track(state.viewer, 'Product Added', {
        product_id: productId,
        quantity,
        price: price === undefined ? undefined : price.amount / 100,
        decision_id: decision.decisionId,
      });
      void render(state);
    });
  };
}

async function cart(state: State): Promise<Draw> {
  const items = cartItems(state.viewer);
  const decision = await state.api.decide(state.viewer, {
    context: { ...CONTEXT, page: { type: 'cart' } },
    recommendations: [{ slot: 'cart-complements', strategy: 'cart-complements', limit: 6 }],
    cart: { items },
  });
  const mailbox = await mailboxOf(state.api, state.viewer);
  const { viewer } = state;
  const canOrder = viewer.kind === 'customer' && items.length > 0;
  return () => {
    state.lastDecisionId = decision.decisionId;
    state.shown = items.map((item) => item.productId);
    show(
      html`${whoIsLooking(decision)} ${cartView(decision)}
      ${canOrder ? html`<button id="place-order" data-test="place-order">Place the order</button>` : ''}
      ${mailbox.markup} ${offersPanel(decision.offers)}
      ${recommendationRow('Goes well with your cart', decision.recommendations['cart-complements']?.items ?? [], 'cart-complements')}`,
    );
    mailbox.wire();
    if (viewer.kind === 'customer')
      document
        .querySelector('#place-order')
        ?.addEventListener('click', () => void order(state, viewer, mailbox.id));
    document.querySelector('#empty-cart')?.addEventListener('click', () => {
      const emptied = cartItems(state.viewer);
      writeCart(state.viewer, new Map());
      void state.api.track(state.viewer, 'Product Removed', {
        products: emptied.map((item) => ({ product_id: item.productId, quantity: item.quantity })),
      });
      void render(state);
    });
  };
}

/** Checkout as the shop's server does it; then the page waits for the thank-you message. */
async function order(state: State, viewer: Viewer & { kind: 'customer' }, previous?: string): Promise<void> {
  try {
    const { orderId } = await placeOrder(viewer.token, cartItems(viewer), []);
    writeCart(viewer, new Map());
    toast('ordered', `Order ${orderId} placed`);
    void render(state);
    if ((await nextMessage(() => lastMessage(viewer.token), previous)) !== null) void render(state);
  } catch (error) {
    toast('error', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Fetches the page the address names and draws it, unless a newer render began meanwhile (an add
 * to cart and a live change can both ask for one): an older answer never covers a newer one.
 */
async function render(state: State): Promise<void> {
  state.renders += 1;
  const thisRender = state.renders;
  const { viewer } = state;
  let draw: Draw;
  try {
    const route = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
    if (route.startsWith('/c/')) draw = await category(state, route.slice(3));
    else if (route.startsWith('/p/')) draw = await product(state, route.slice(3));
    else if (route === '/cart') draw = await cart(state);
    else draw = await home(state);
  } catch (error) {
    draw = () => show(html`<p class="error">${error instanceof Error ? error.message : String(error)}</p>`);
  }
  if (thisRender !== state.renders) return;
  draw();
  // Whom this page was drawn for (the select may already name the next viewer, still signing in).
  page.dataset['viewer'] = viewer.kind === 'customer' ? viewer.userId : '';
  page.dataset['renders'] = String(thisRender);
  writeCart(state.viewer, readCart(state.viewer));
  listen(state);
}

const CHANGE_MESSAGES: Record<string, (data: Record<string, unknown>) => string> = {
  'price.changed': (data) =>
    `Price changed: ${String(data['productId'])} is now ${formatMoney(data['after'] as { amount: number; currency: string })}`,
  'stock.changed': (data) =>
    data['inStock'] === true
      ? `${String(data['productId'])} is back in stock`
      : `${String(data['productId'])} just sold out`,
  'offer.unlocked': (data) => `Offer unlocked: ${String(data['title'])}`,
  'segment.entered': (data) => `You are now in segment ${String(data['segmentId'])}`,
};

/** (Re)opens the stream for who is looking and what the page shows; each change is shown, then the page redrawn. */
function listen(state: State): void {
  const products = [
    ...new Set([...state.shown, ...cartItems(state.viewer).map((item) => item.productId)]),
  ].sort();
  const watching = JSON.stringify([state.viewer, products]);
  if (
    state.stream !== undefined &&
    state.stream.readyState !== EventSource.CLOSED &&
    live.dataset['watching'] === watching
  )
    return;
  state.stream?.close();
  // Live only once the new stream is watching: `ready` comes after the server took the page's
  // baseline, so a change made before it would not be announced.
  live.classList.remove('on');
  live.dataset['watching'] = watching;
  const stream = state.api.stream(state.viewer, products, CONTEXT);
  state.stream = stream;
  let watched = false;
  stream.addEventListener('ready', () => {
    watched = true;
    live.classList.add('on');
  });
  // `open` also follows a reconnect that resumes, which brings no `ready`.
  stream.addEventListener('open', () => {
    if (watched) live.classList.add('on');
  });
  stream.addEventListener('error', () => live.classList.remove('on'));
  stream.addEventListener('resync', () => void render(state));
  for (const [event, message] of Object.entries(CHANGE_MESSAGES)) {
    stream.addEventListener(event, (raw) => {
      toast(event, message(JSON.parse((raw as MessageEvent<string>).data) as Record<string, unknown>));
      void render(state);
    });
  }
}

async function start(): Promise<void> {
  const config = await loadConfig();
  if (config === undefined) {
    show(
      html`<p>
        The demo storefront needs Attune started in demo mode (<code>ATTUNE_DEMO=1</code>, the default of
        <code>npm start</code>).
      </p>`,
    );
    return;
  }
  const state: State = {
    config,
    api: new Api(config),
    viewer: { kind: 'visitor', anonymousId: anonymousId() },
    shown: [],
    renders: 0,
  };
  viewerSelect.innerHTML = html`<option value="">Anonymous visitor</option>
    ${config.customers.map((customer) => html`<option value="${customer.userId}">${customer.label}</option>`)}`.text;
  (document.querySelector('#categories') as HTMLElement).innerHTML = html`${config.categories.map(
    (id) => html`<a href="#/c/${encodeURIComponent(id)}">${id}</a>`,
  )}`.text;
  viewerSelect.addEventListener('change', () => {
    const userId = viewerSelect.value;
    // A page still being fetched for the previous viewer is not drawn once another was chosen.
    state.renders += 1;
    void (async () => {
      state.viewer =
        userId === ''
          ? { kind: 'visitor', anonymousId: anonymousId() }
          : { kind: 'customer', userId, token: await signIn(userId) };
      await render(state);
    })();
  });
  window.addEventListener('hashchange', () => void render(state));
  await render(state);
}

void start();
