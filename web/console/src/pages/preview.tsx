/**
 * Preview as a customer at a time: one page decided twice with POST /v1/decide `preview: { at }` (which
 * records nothing), for the chosen customer and for an anonymous visitor, side by side, every reason shown.
 */
import { useState } from 'preact/hooks';
import { api, formatMoney, must, type Answer, type RequestBody } from '../api.js';
import { Page, Problem, fieldText } from '../ui.js';

type Decision = Answer<'decide'>;
type ListingItem = NonNullable<Decision['listing']>['items'][number];

const WEEK_MS = 7 * 24 * 3_600_000;

export function PreviewPage() {
  const [answers, setAnswers] = useState<
    { customer: Decision; visitor: Decision; userId: string } | undefined
  >();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const run = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => fieldText(form, name);
    const userId = text('userId');
    const category = text('category');
    const slots = text('slots')
      .split(',')
      .map((slot) => slot.trim())
      .filter((slot) => slot !== '');
    const cartLines = text('cart')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([productId]) => productId !== undefined && productId !== '')
      .map(([productId = '', quantity = '1']) => ({ productId, quantity: Number(quantity) }));
    const page: RequestBody<'decide'> = {
      currency: text('currency').toUpperCase(),
      preview: { at: new Date(`${text('at')}Z`).toISOString() },
      listing: { category: category === '' ? null : category, limit: 8 },
      recommendations: [{ slot: 'for-you', strategy: 'for-you', limit: 4 }],
      ...(slots.length > 0 && { content: slots }),
      ...(cartLines.length > 0 && { cart: { items: cartLines } }),
    };
    setBusy(true);
    setError(undefined);
    try {
      const [customer, visitor] = await Promise.all([
        must(api.POST('/v1/decide', { body: { ...page, userId } })),
        must(api.POST('/v1/decide', { body: { ...page, anonymousId: 'console-preview-visitor' } })),
      ]);
      setAnswers({ customer, visitor, userId });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Preview as a customer">
      <form onSubmit={(event) => void run(event)} data-test="preview-form">
        <div class="fields">
          <label>
            Customer id
            <input name="userId" required />
          </label>
          <label>
            At (UTC)
            <input
              name="at"
              type="datetime-local"
              required
              defaultValue={new Date(Date.now() + WEEK_MS).toISOString().slice(0, 16)}
            />
          </label>
          <label>
            Category (empty: every product)
            <input name="category" />
          </label>
          <label>
            Content slots (comma separated)
            <input name="slots" />
          </label>
          <label>
            Cart (one line each: product id and quantity)
            <textarea name="cart" rows={2} />
          </label>
          <label>
            Currency
            <input name="currency" defaultValue="GBP" required pattern="[A-Za-z]{3}" />
          </label>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Previewing…' : 'Preview'}
        </button>
      </form>
      <Problem error={error} />
      {answers !== undefined && (
        <div class="side-by-side">
          <DecisionView
            title={`Customer ${answers.userId}`}
            decision={answers.customer}
            test="preview-customer"
          />
          <DecisionView title="Anonymous visitor" decision={answers.visitor} test="preview-visitor" />
        </div>
      )}
    </Page>
  );
}

function DecisionView({ title, decision, test }: { title: string; decision: Decision; test: string }) {
  const cart = decision.cart !== undefined && 'lines' in decision.cart ? decision.cart : undefined;
  return (
    <article class="storefront" data-test={test} aria-label={title}>
      <h2>{title}</h2>
      <p class="note">
        As of {decision.preview?.at ?? 'now'} · {decision.personalized ? 'personalised' : 'not personalised'}
        {decision.customer.segments.length > 0 && ` · segments: ${decision.customer.segments.join(', ')}`}
        {decision.customer.loyaltyTier !== undefined && ` · tier ${decision.customer.loyaltyTier}`}
      </p>
      <h3>Offers</h3>
      <ul data-test="offers">
        {decision.offers.length === 0 && <li>none</li>}
        {decision.offers.map((offer) => (
          <li key={offer.promotionId} data-promotion-id={offer.promotionId}>
            <strong>{offer.badge}</strong> {offer.title}
            <span class="reason">
              {offer.missing?.amount !== undefined
                ? `why not yet: ${formatMoney(offer.missing.amount)} more to qualify`
                : offer.missing?.quantity !== undefined
                  ? `why not yet: ${offer.missing.quantity} more items to qualify`
                  : 'why: this customer qualifies'}
            </span>
          </li>
        ))}
      </ul>
      {Object.entries(decision.content).map(([slot, content]) => (
        <section key={slot}>
          <h3>Slot {slot}</h3>
          <p>
            Variant <code>{content.variantId}</code> — {content.reason}
          </p>
        </section>
      ))}
      <h3>Listing</h3>
      <ul class="cards">
        {(decision.listing?.items ?? []).map((item) => (
          <Card key={item.productId} item={item} />
        ))}
      </ul>
      {Object.entries(decision.recommendations).map(([slot, recommended]) => (
        <section key={slot}>
          <h3>
            Recommended ({slot}, {recommended.strategy})
          </h3>
          <ul>
            {recommended.items.map((item) => (
              <li key={item.productId}>
                {item.product?.title ?? item.productId}
                <span class="reason">why: {item.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {cart !== undefined && (
        <section>
          <h3>Cart: {formatMoney(cart.total)}</h3>
          <ul data-test="cart-reasons">
            {cart.applied.length + cart.rejected.length + cart.nudges.length === 0 && (
              <li>no promotion applies</li>
            )}
            {cart.applied.map((applied) => (
              <li key={`a${applied.promotionId}`} class="reason" data-promotion-id={applied.promotionId}>
                ✓ {applied.promotionId}: {applied.reason}
              </li>
            ))}
            {cart.rejected.map((rejected, index) => (
              <li key={`r${index}`} class="reason">
                ✗ {rejected.promotionId ?? rejected.couponCode}: {rejected.reason}
              </li>
            ))}
            {cart.nudges.map((nudge) => (
              <li key={`n${nudge.promotionId}`} class="reason">
                → {nudge.promotionId}: {nudge.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {decision.experiments.length > 0 && (
        <p>
          Experiments:{' '}
          {decision.experiments.map((entry) => `${entry.experimentId} → ${entry.variant}`).join(', ')}
        </p>
      )}
    </article>
  );
}

function Card({ item }: { item: ListingItem }) {
  const price = item.price;
  const final = price?.final ?? undefined;
  const base = price?.base ?? undefined;
  const changed = final !== undefined && base !== undefined && final.amount !== base.amount;
  return (
    <li class="card" data-product-id={item.productId}>
      <strong>{item.product?.title ?? item.productId}</strong>
      {final !== undefined && (
        <span>
          {formatMoney(final)} {changed && <s>{formatMoney(base)}</s>}
        </span>
      )}
      {price?.applied?.map((applied) => (
        <span key={applied.priceListId} class="reason">
          price list {applied.priceListId}: {applied.reason}
        </span>
      ))}
      {item.offers?.map((offer) => (
        <span key={offer.promotionId} class="badge">
          {offer.badge}
        </span>
      ))}
      {item.reasons.length > 0 && <span class="reason">why: {item.reasons.join('; ')}</span>}
      {item.inStock === false && <span class="reason">out of stock</span>}
    </li>
  );
}
