/** A cart tried against every promotion in force, as the checkout would price it; nothing is recorded. */
import { useState } from 'preact/hooks';
import { api, formatMoney, must, type Answer } from '../api.js';
import { Problem, fieldText } from '../ui.js';

type Cart = Answer<'evaluateCart'>;

export function CartDryRun() {
  const [cart, setCart] = useState<Cart | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const run = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => fieldText(form, name);
    const items = text('items')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const [productId = '', quantity = '1'] = line.split(/\s*[×x*]\s*|\s+/);
        return { productId, quantity: Number(quantity) };
      });
    const userId = text('userId');
    const coupons = text('coupons');
    setError(undefined);
    try {
      setCart(
        await must(
          api.POST('/v1/carts:evaluate', {
            body: {
              currency: text('currency').toUpperCase(),
              items,
              ...(userId === '' ? { anonymousId: 'console-dry-run' } : { userId }),
              ...(coupons !== '' && { coupons: coupons.split(',').map((code) => code.trim()) }),
            },
          }),
        ),
      );
    } catch (failure) {
      setCart(undefined);
      setError(failure);
    }
  };

  return (
    <section class="panel" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Dry-run a cart</h2>
      <form onSubmit={(event) => void run(event)} data-test="dry-run-form">
        <div class="fields">
          <label>
            Lines (one per line: product id and quantity)
            <textarea name="items" rows={3} required placeholder="85123A 2" />
          </label>
          <label>
            Customer id (empty: an anonymous visitor)
            <input name="userId" />
          </label>
          <label>
            Coupons (comma separated)
            <input name="coupons" />
          </label>
          <label>
            Currency
            <input name="currency" defaultValue="GBP" required pattern="[A-Za-z]{3}" />
          </label>
        </div>
        <button type="submit">Evaluate</button>
      </form>
      <Problem error={error} />
      {cart !== undefined && <CartView cart={cart} />}
    </section>
  );
}

export function CartView({ cart }: { cart: Cart }) {
  return (
    <div data-test="dry-run-result">
      <table>
        <caption>Lines</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Quantity</th>
            <th scope="col">Unit price</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((line, index) => (
            <tr key={index}>
              <td>{line.product?.title ?? line.productId}</td>
              <td>{line.quantity}</td>
              <td>{formatMoney(line.unitPrice)}</td>
              <td>{formatMoney(line.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="totals">
        <dt>Subtotal</dt>
        <dd>{formatMoney(cart.subtotal)}</dd>
        {cart.discounts.map((discount, index) => (
          <>
            <dt key={`t${index}`}>Discount {discount.promotionId}</dt>
            <dd key={`d${index}`} data-test="discount" data-promotion-id={discount.promotionId}>
              −{formatMoney(discount.amount)}
            </dd>
          </>
        ))}
        <dt>Total</dt>
        <dd data-test="total">{formatMoney(cart.total)}</dd>
      </dl>
      <h3>Why</h3>
      <ul data-test="reasons">
        {cart.applied.map((applied, index) => (
          <li key={`a${index}`}>
            ✓ {applied.promotionId}: {applied.reason}
          </li>
        ))}
        {cart.rejected.map((rejected, index) => (
          <li key={`r${index}`}>
            ✗ {rejected.promotionId ?? rejected.couponCode}: {rejected.reason}
          </li>
        ))}
        {cart.nudges.map((nudge, index) => (
          <li key={`n${index}`}>
            → {nudge.promotionId}: {nudge.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
