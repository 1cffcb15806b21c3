import {
  formatMoney,
  type Decision,
  type ListingItem,
  type Badge,
  type Offer,
  type ProductCard,
  type RecommendedItem,
} from './api.js';
import { html, type Markup } from './html.js';

/** A product's link by id, with its title when the answer carried it. */
function productLink(id: string, title?: string): Markup {
  return html`<a href="#/p/${encodeURIComponent(id)}">${title ?? id}</a>`;
}

/** The product's main picture, from the hydrated answer (nothing when it has none). */
function picture(card: ProductCard | undefined, size: 'thumb' | 'large' = 'thumb'): Markup {
  const image = card?.images[0];
  if (image === undefined) return html``;
  return html`<img class="${size}" src="${image.url}" alt="${image.alt}" loading="lazy" />`;
}

export function listingGrid(items: readonly ListingItem[]): Markup {
  return html`<ol class="grid" data-test="listing">
    ${items.map(
      (item) =>
        html`<li class="card" data-product-id="${item.productId}">
          ${picture(item.product)} ${productLink(item.productId, item.title)}
          <span class="price"
            >${item.price.final === undefined ? 'price on request' : formatMoney(item.price.final)}</span
          >
          ${item.offers.map((offer) => html`<span class="badge">${offer.badge}</span>`)}
          ${item.inStock ? '' : html`<span class="badge out">sold out</span>`}
          <small class="reason">${item.reasons.join(' · ') || 'merchandising order'}</small>
        </li>`,
    )}
  </ol>`;
}

export function recommendationRow(title: string, items: readonly RecommendedItem[], slot: string): Markup {
  if (items.length === 0) return html``;
  return html`<section class="recs" data-test="recs-${slot}">
    <h2>${title}</h2>
    <ul>
      ${items.map(
        (item) =>
          html`<li data-product-id="${item.productId}">
            ${picture(item.product)} ${productLink(item.productId, item.product?.title)}
            ${item.price?.final === undefined ? '' : html`<span class="price">${formatMoney(item.price.final)}</span>`}
            ${(item.offers ?? []).map((offer) => html`<span class="badge">${offer.badge}</span>`)}
            <small>${item.reason}</small>
          </li>`,
      )}
    </ul>
  </section>`;
}

export function hero(decision: Decision): Markup {
  const chosen = decision.content['home-hero'];
  const payload = (chosen?.payload ?? {}) as { title?: string; text?: string };
  return html`<section class="hero" data-test="hero" data-variant="${chosen?.variantId ?? ''}">
    <h1>${payload.title ?? 'Welcome'}</h1>
    <p>${payload.text ?? ''}</p>
    <small class="reason">${chosen === undefined ? '' : `shown because: ${chosen.reason}`}</small>
  </section>`;
}

/** The offers the viewer can get, with what each still needs: the nudge that makes a cart grow. */
export function offersPanel(offers: readonly Offer[]): Markup {
  if (offers.length === 0) return html``;
  return html`<aside class="offers" data-test="offers">
    <h2>Your offers</h2>
    <ul>
      ${offers.map((offer) => {
        const missing = offer.missing?.amount;
        return html`<li data-promotion-id="${offer.promotionId}" data-qualified="${missing === undefined}">
          <strong>${offer.title}</strong>
          ${
            missing === undefined
              ? html`<span class="badge ok">your cart qualifies</span>`
              : html`<span>add ${formatMoney(missing)} more</span>`
          }
        </li>`;
      })}
    </ul>
  </aside>`;
}

export function productDetail(
  productId: string,
  product: ProductCard,
  price: string,
  badges: readonly Badge[],
): Markup {
  const inStock = product.inStock;
  return html`<article class="product" data-test="product" data-product-id="${productId}">
    ${picture(product, 'large')}
    <h1>${product.title}</h1>
    <p class="price" data-test="product-price">${price}</p>
    <p>
      ${badges.map((offer) => html`<span class="badge">${offer.badge}</span>`)}
      ${inStock ? '' : html`<span class="badge out">sold out</span>`}
    </p>
    <label>Quantity <input id="quantity" type="number" min="1" max="99" value="1" /></label>
    <button id="add-to-cart" data-test="add-to-cart" ${inStock ? '' : 'disabled'}>Add to cart</button>
  </article>`;
}

export function cartView(decision: Decision): Markup {
  const cart = decision.cart;
  if (cart !== undefined && 'error' in cart) {
    return html`<section data-test="cart">
      <h1>Your cart</h1>
      <p class="error">${cart.error.detail}</p>
    </section>`;
  }
  if (cart === undefined || cart.lines.length === 0) {
    return html`<section data-test="cart">
      <h1>Your cart</h1>
      <p>Your cart is empty.</p>
    </section>`;
  }
  return html`<section data-test="cart">
    <h1>Your cart</h1>
    <table>
      ${cart.lines.map(
        (line) =>
          html`<tr>
            <td>${picture(line.product)} ${productLink(line.productId, line.product?.title)}</td>
            <td>${line.quantity} × ${formatMoney(line.unitPrice)}</td>
            <td>
              ${line.discounts.map(
                (discount) => html`<small class="line-discount">−${formatMoney(discount.amount)}</small> `,
              )}${formatMoney(line.total)}
            </td>
          </tr>`,
      )}
    </table>
    <p>Subtotal ${formatMoney(cart.subtotal)}</p>
    ${cart.applied.map((applied) => html`<p class="applied">✓ ${applied.reason}</p>`)}
    ${cart.nudges.map((nudge) => html`<p class="nudge">${nudge.message}</p>`)}
    <p class="total" data-test="cart-total">Total ${formatMoney(cart.total)}</p>
    <button id="empty-cart">Empty the cart</button>
  </section>`;
}

export function whoIsLooking(decision: Decision): Markup {
  return html`<p class="who-note" data-test="who">
    ${
      decision.personalized
        ? html`Personalised for this
          customer${
            decision.customer.segments.length > 0
              ? html` · segments: ${decision.customer.segments.join(', ')}`
              : ''
          }`
        : 'Not personalised: an anonymous visitor, or no consent'
    }
    ${decision.experiments.map((entry) => html` · experiment ${entry.experimentId}: variant ${entry.variant}`)}
  </p>`;
}
