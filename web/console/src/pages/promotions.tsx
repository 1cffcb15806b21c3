/** Promotions: the list, a form for the common shapes, and a dry-run cart (POST /v1/carts:evaluate). */
import { useState } from 'preact/hooks';
import { api, must, type Answer, type RequestBody } from '../api.js';
import { Json, Loading, Page, Problem, SaveButton, fieldText, useLoad, when } from '../ui.js';
import { CartDryRun } from './cart-dry-run.js';

type Promotion = Answer<'getPromotion'>;
type PromotionBody = RequestBody<'putPromotion'>;

export function PromotionsPage() {
  const list = useLoad(() => must(api.GET('/v1/promotions')));
  const [editing, setEditing] = useState<Promotion | 'new' | undefined>(undefined);
  return (
    <Page title="Promotions">
      <p>
        <button type="button" onClick={() => setEditing('new')}>
          New promotion
        </button>
      </p>
      <Problem error={list.error} />
      {list.data === undefined ? (
        <Loading what="promotions" />
      ) : (
        <table data-test="promotions">
          <caption>Promotions</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Runs</th>
              <th scope="col">Action</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((promotion) => (
              <tr key={promotion.id} data-promotion-id={promotion.id}>
                <td>
                  {promotion.title} <span class="badge">{promotion.badge}</span>
                </td>
                <td>{promotion.status ?? 'active'}</td>
                <td>
                  {when(promotion.startsAt)} → {when(promotion.endsAt)}
                </td>
                <td>{describeAction(promotion.action)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setEditing(promotion)}
                    aria-label={`Edit ${promotion.title}`}
                  >
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== undefined && (
        <PromotionEditor
          key={editing === 'new' ? 'new' : editing.id}
          promotion={editing === 'new' ? undefined : editing}
          onSaved={(saved) => {
            setEditing(saved);
            list.reload();
          }}
        />
      )}
      <CartDryRun />
    </Page>
  );
}

function describeAction(action: Promotion['action']): string {
  switch (action.type) {
    case 'percent_off':
      return `${action.percent}% off ${action.target}`;
    case 'amount_off':
      return `${action.amount} off ${action.target} (minor units)`;
    default:
      return action.type.replaceAll('_', ' ');
  }
}

type SimpleAction = 'percent_off' | 'amount_off' | 'free_shipping';

/** The form covers the common promotion; the rest of a richer one is kept as it is and shown as JSON. */
function PromotionEditor({
  promotion,
  onSaved,
}: {
  promotion?: Promotion | undefined;
  onSaved: (saved: Promotion) => void;
}) {
  const action = promotion?.action;
  const simple = action === undefined || ['percent_off', 'amount_off', 'free_shipping'].includes(action.type);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [actionType, setActionType] = useState<SimpleAction>(
    simple && action ? (action.type as SimpleAction) : 'percent_off',
  );

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => fieldText(form, name);
    const id = text('id');
    const {
      id: _id,
      version: _version,
      updatedAt: _updatedAt,
      ...kept
    } = promotion ?? ({} as Partial<Promotion>);
    const body: PromotionBody = {
      ...(kept as Partial<PromotionBody>),
      title: text('title'),
      currency: text('currency').toUpperCase(),
      status: text('status') === 'paused' ? 'paused' : 'active',
      action: simple || action === undefined ? actionOf(actionType, text('value')) : action,
    };
    setOptional(body, 'badge', text('badge'));
    setOptional(body, 'startsAt', isoOf(text('startsAt')));
    setOptional(body, 'endsAt', isoOf(text('endsAt')));
    const minimum = text('minimum');
    if (minimum === '') delete body.conditions;
    else body.conditions = { ...body.conditions, subtotal: { gte: Math.round(Number(minimum) * 100) } };
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await must(api.PUT('/v1/promotions/{id}', { params: { path: { id } }, body })));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const value =
    action?.type === 'percent_off'
      ? String(action.percent)
      : action?.type === 'amount_off'
        ? String(action.amount / 100)
        : '';
  return (
    <form
      class="editor"
      onSubmit={(event) => void save(event)}
      data-test="promotion-form"
      aria-label="Promotion"
    >
      <h2>{promotion === undefined ? 'New promotion' : `Promotion ${promotion.title}`}</h2>
      <div class="fields">
        <label>
          Id
          <input
            name="id"
            required
            defaultValue={promotion?.id ?? ''}
            readOnly={promotion !== undefined}
            pattern="[A-Za-z0-9_.:\-]+"
          />
        </label>
        <label>
          Title
          <input name="title" required defaultValue={promotion?.title ?? ''} />
        </label>
        <label>
          Badge
          <input name="badge" defaultValue={promotion?.badge ?? ''} />
        </label>
        <label>
          Currency
          <input name="currency" required defaultValue={promotion?.currency ?? 'GBP'} pattern="[A-Za-z]{3}" />
        </label>
        <label>
          Status
          <select name="status" defaultValue={promotion?.status ?? 'active'}>
            <option value="active">active</option>
            <option value="paused">paused</option>
          </select>
        </label>
        <label>
          Starts (UTC)
          <input name="startsAt" type="datetime-local" defaultValue={localOf(promotion?.startsAt)} />
        </label>
        <label>
          Ends (UTC)
          <input name="endsAt" type="datetime-local" defaultValue={localOf(promotion?.endsAt)} />
        </label>
        <label>
          Minimum subtotal (major units)
          <input
            name="minimum"
            type="number"
            min="0"
            step="0.01"
            defaultValue={
              promotion?.conditions?.subtotal ? String(promotion.conditions.subtotal.gte / 100) : ''
            }
          />
        </label>
      </div>
      {simple ? (
        <div class="fields">
          <label>
            Discount
            <select
              name="actionType"
              value={actionType}
              onChange={(event) => setActionType(event.currentTarget.value as SimpleAction)}
            >
              <option value="percent_off">percent off the order</option>
              <option value="amount_off">amount off the order</option>
              <option value="free_shipping">free shipping</option>
            </select>
          </label>
          {actionType !== 'free_shipping' && (
            <label>
              {actionType === 'percent_off' ? 'Percent' : 'Amount (major units)'}
              <input name="value" type="number" min="0" step="0.01" required defaultValue={value} />
            </label>
          )}
        </div>
      ) : (
        <Json value={action} label="Action (kept as it is)" />
      )}
      <SaveButton busy={busy} />
      <Problem error={error} />
    </form>
  );
}

function actionOf(type: SimpleAction, value: string): PromotionBody['action'] {
  if (type === 'free_shipping') return { type };
  if (type === 'percent_off') return { type, target: 'order', percent: Number(value) };
  return { type, target: 'order', amount: Math.round(Number(value) * 100) };
}

function setOptional<K extends 'badge' | 'startsAt' | 'endsAt'>(
  body: PromotionBody,
  key: K,
  value: string | undefined,
) {
  if (value === undefined || value === '') delete body[key];
  else body[key] = value;
}

/** `datetime-local` holds no zone: the console reads and writes it as UTC, as it shows every time. */
function isoOf(local: string): string | undefined {
  return local === '' ? undefined : new Date(`${local}Z`).toISOString();
}

function localOf(iso: string | undefined): string {
  return iso === undefined ? '' : iso.slice(0, 16);
}
