/** Webhooks and their deliveries (GET /v1/webhooks, GET /v1/webhooks/{id}/deliveries); secrets come masked. */
import { useState } from 'preact/hooks';
import { api, must } from '../api.js';
import { Loading, Page, Problem, useLoad, when } from '../ui.js';

export function WebhooksPage() {
  const list = useLoad(() => must(api.GET('/v1/webhooks')));
  const [open, setOpen] = useState<string | undefined>(undefined);
  return (
    <Page title="Webhooks">
      <Problem error={list.error} />
      {list.data === undefined ? (
        <Loading what="webhooks" />
      ) : (
        <table data-test="webhooks">
          <caption>Webhooks</caption>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.length === 0 && (
              <tr>
                <td colSpan={4}>No webhooks yet.</td>
              </tr>
            )}
            {list.data.items.map((webhook) => (
              <tr key={webhook.id}>
                <td>
                  <code>{webhook.id}</code>
                </td>
                <td>{webhook.url}</td>
                <td>{webhook.events.join(', ')}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setOpen(webhook.id)}
                    aria-label={`Deliveries of ${webhook.id}`}
                  >
                    Deliveries
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== undefined && <Deliveries key={open} id={open} />}
    </Page>
  );
}

function Deliveries({ id }: { id: string }) {
  const deliveries = useLoad(() =>
    must(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id } } })),
  );
  if (deliveries.error !== undefined) return <Problem error={deliveries.error} />;
  if (deliveries.data === undefined) return <Loading what="deliveries" />;
  return (
    <table data-test="deliveries">
      <caption>Deliveries of {id}</caption>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Created</th>
          <th scope="col">Delivered</th>
          <th scope="col">Attempts</th>
          <th scope="col">Last error</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.data.items.length === 0 && (
          <tr>
            <td colSpan={5}>Nothing sent yet.</td>
          </tr>
        )}
        {deliveries.data.items.map((delivery) => (
          <tr key={delivery.id}>
            <td>{delivery.type}</td>
            <td>{when(delivery.createdAt)}</td>
            <td>{delivery.deliveredAt === null ? 'pending' : when(delivery.deliveredAt)}</td>
            <td>{delivery.attempts}</td>
            <td>{delivery.lastError ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
