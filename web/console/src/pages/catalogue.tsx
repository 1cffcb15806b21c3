/** The catalogue browser: products by category prefix, with price, status and stock (GET /v1/products). */
import { useState } from 'preact/hooks';
import { api, formatMoney, must } from '../api.js';
import { Loading, Page, Problem, fieldText, useLoad } from '../ui.js';

export function CataloguePage() {
  const [category, setCategory] = useState('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const list = useLoad(
    () =>
      must(
        api.GET('/v1/products', {
          params: {
            query: {
              limit: 50,
              ...(category !== '' && { category }),
              ...(cursor !== undefined && { cursor }),
            },
          },
        }),
      ),
    [category, cursor],
  );

  const filter = (event: SubmitEvent) => {
    event.preventDefault();
    setCursor(undefined);
    setCategory(fieldText(new FormData(event.currentTarget as HTMLFormElement), 'category'));
  };

  return (
    <Page title="Catalogue">
      <form class="fields" onSubmit={filter} aria-label="Filter the catalogue">
        <label>
          Category (prefix, e.g. home/kitchen)
          <input name="category" defaultValue={category} />
        </label>
        <button type="submit">Show</button>
      </form>
      <Problem error={list.error} />
      {list.data === undefined ? (
        <Loading what="products" />
      ) : (
        <>
          <table data-test="products">
            <caption>Products{category !== '' && ` in ${category}`}</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Id</th>
                <th scope="col">Price</th>
                <th scope="col">Status</th>
                <th scope="col">Stock</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((product) => (
                <tr key={product.id} data-product-id={product.id}>
                  <td>{product.title}</td>
                  <td>
                    <code>{product.id}</code>
                  </td>
                  <td>{formatMoney(product.price)}</td>
                  <td>{product.status}</td>
                  <td data-test="stock">
                    {product.inStock ? 'in stock' : 'out of stock'}
                    {product.available !== undefined && ` (${product.available})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.nextCursor !== null && (
            <button type="button" onClick={() => setCursor(list.data?.nextCursor ?? undefined)}>
              Next products
            </button>
          )}
        </>
      )}
    </Page>
  );
}
