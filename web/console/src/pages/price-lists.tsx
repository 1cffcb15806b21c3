/** Price lists, and "price for this customer": POST /v1/prices:resolve for a customer and products. */
import { useState } from 'preact/hooks';
import { api, formatMoney, must, type Answer } from '../api.js';
import { Json, Loading, Page, Problem, fieldText, useLoad } from '../ui.js';

type Resolved = Answer<'resolvePrices'>;

export function PriceListsPage() {
  const list = useLoad(() => must(api.GET('/v1/price-lists')));
  return (
    <Page title="Price lists">
      <Problem error={list.error} />
      {list.data === undefined ? (
        <Loading what="price lists" />
      ) : (
        <ul class="plain" data-test="price-lists">
          {list.data.items.length === 0 && <li>No price lists yet.</li>}
          {list.data.items.map((priceList) => (
            <li key={priceList.id}>
              <details>
                <summary>
                  <code>{priceList.id}</code> · {priceList.type} · {priceList.currency}
                </summary>
                <Json value={priceList} label={`Price list ${priceList.id}`} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <PriceChecker />
    </Page>
  );
}

function PriceChecker() {
  const [answer, setAnswer] = useState<Resolved | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const check = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const userId = fieldText(form, 'userId');
    const items = fieldText(form, 'products')
      .split(/[\s,]+/)
      .filter((id) => id !== '')
      .map((productId) => ({ productId, quantity: Number(fieldText(form, 'quantity') || '1') }));
    setError(undefined);
    try {
      setAnswer(
        await must(
          api.POST('/v1/prices:resolve', {
            body: {
              currency: fieldText(form, 'currency').toUpperCase(),
              items,
              ...(userId === '' ? { anonymousId: 'console-price-check' } : { userId }),
            },
          }),
        ),
      );
    } catch (failure) {
      setAnswer(undefined);
      setError(failure);
    }
  };

  return (
    <section class="panel" aria-labelledby="checker-title">
      <h2 id="checker-title">Price for this customer</h2>
      <form class="fields" onSubmit={(event) => void check(event)} data-test="price-checker">
        <label>
          Customer id (empty: an anonymous visitor)
          <input name="userId" />
        </label>
        <label>
          Product ids (comma separated)
          <input name="products" required />
        </label>
        <label>
          Quantity
          <input name="quantity" type="number" min="1" defaultValue="1" />
        </label>
        <label>
          Currency
          <input name="currency" defaultValue="GBP" required pattern="[A-Za-z]{3}" />
        </label>
        <button type="submit">Check prices</button>
      </form>
      <Problem error={error} />
      {answer !== undefined && (
        <table data-test="resolved-prices">
          <caption>Prices</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Base</th>
              <th scope="col">For this customer</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {answer.items.map((item) => (
              <tr key={item.productId}>
                <td>{item.productId}</td>
                <td>{formatMoney(item.base ?? undefined)}</td>
                <td data-test="final">
                  {item.error !== undefined ? item.error.code : formatMoney(item.final)}
                </td>
                <td>
                  {(item.applied ?? [])
                    .map((applied) => `${applied.priceListId}: ${applied.reason}`)
                    .join('; ') || 'base price'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
