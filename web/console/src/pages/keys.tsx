/**
 * API keys: list, create, revoke. The console creates publishable keys only: a secret key shown in a
 * browser would be a secret in a browser. Secret keys are made with `attune keys create --kind secret`.
 */
import { useState } from 'preact/hooks';
import { api, must } from '../api.js';
import { Loading, Page, Problem, fieldText, useLoad, when } from '../ui.js';

export function KeysPage() {
  const list = useLoad(() => must(api.GET('/v1/keys')));
  const [error, setError] = useState<unknown>(undefined);

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const label = fieldText(new FormData(formElement), 'label');
    setError(undefined);
    try {
      await must(api.POST('/v1/keys', { body: { kind: 'publishable', label } }));
      formElement.reset();
      list.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const revoke = async (id: string) => {
    if (!confirm(`Revoke ${id}? Every node refuses it from then on.`)) return;
    setError(undefined);
    try {
      await must(api.DELETE('/v1/keys/{id}', { params: { path: { id } } }));
      list.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Page title="API keys">
      <form class="fields" onSubmit={(event) => void create(event)} aria-label="Create a publishable key">
        <label>
          Label of a new publishable key
          <input name="label" required maxLength={200} />
        </label>
        <button type="submit">Create publishable key</button>
      </form>
      <p class="note">
        Secret keys never reach the console: create them on the server with{' '}
        <code>attune keys create --kind secret</code>.
      </p>
      <Problem error={error ?? list.error} />
      {list.data === undefined ? (
        <Loading what="keys" />
      ) : (
        <table data-test="keys">
          <caption>Keys</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Kind</th>
              <th scope="col">Created</th>
              <th scope="col">Key</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((key) => (
              <tr key={key.id} data-key-id={key.id}>
                <td>{key.label}</td>
                <td>{key.kind}</td>
                <td>{when(key.createdAt)}</td>
                <td>
                  {key.publishableKey !== undefined ? (
                    <code>{key.publishableKey}</code>
                  ) : (
                    <span>{key.id} (value not kept)</span>
                  )}
                </td>
                <td>
                  {key.revokedAt !== undefined ? (
                    `revoked ${when(key.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      onClick={() => void revoke(key.id)}
                      aria-label={`Revoke ${key.label}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
