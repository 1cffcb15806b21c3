/** Segments: the list with live member counts, and each rule in a form (JSON only for shapes it cannot show). */
import { useEffect, useState } from 'preact/hooks';
import { api, must, type Answer } from '../api.js';
import { Loading, Page, Problem, SaveButton, useLoad } from '../ui.js';
import { TRAIT_OPS, formOfRule, ruleOfForm, type Condition, type RuleForm } from './rule-form.js';

type Segment = Answer<'getSegment'>;

/** Member counts move as events arrive and back-fills run: the list is read again this often. */
const REFRESH_MS = 3_000;

/** The list answers no member counts; each segment's own answer does (a console holds few segments). */
async function loadWithCounts(): Promise<{ items: Segment[] }> {
  const { items } = await must(api.GET('/v1/segments'));
  const counted = await Promise.all(
    items.map((segment) => must(api.GET('/v1/segments/{id}', { params: { path: { id: segment.id } } }))),
  );
  return { items: counted };
}

export function SegmentsPage() {
  const list = useLoad(loadWithCounts);
  const [editing, setEditing] = useState<Segment | 'new' | undefined>(undefined);

  useEffect(() => {
    const timer = setInterval(list.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [list.reload]);

  return (
    <Page title="Segments">
      <p>
        <button type="button" onClick={() => setEditing('new')}>
          New segment
        </button>
      </p>
      <Problem error={list.error} />
      {list.data === undefined ? (
        <Loading what="segments" />
      ) : (
        <table data-test="segments">
          <caption>Segments and their members now</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Members</th>
              <th scope="col">Back-fill</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((segment) => (
              <tr key={segment.id} data-segment-id={segment.id}>
                <td>{segment.name}</td>
                <td>
                  <code>{segment.id}</code>
                </td>
                <td data-test="members">
                  {segment.contextual ? 'at decision time' : (segment.members ?? '—')}
                </td>
                <td>{segment.backfill?.status ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setEditing(segment)}
                    aria-label={`Edit ${segment.name}`}
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
        <SegmentEditor
          key={editing === 'new' ? 'new' : editing.id}
          segment={editing === 'new' ? undefined : editing}
          onSaved={(saved) => {
            setEditing(saved);
            list.reload();
          }}
        />
      )}
    </Page>
  );
}

const EMPTY_FORM: RuleForm = {
  combinator: 'all',
  conditions: [{ kind: 'trait', path: 'traits.', op: 'eq', value: '' }],
};

function SegmentEditor({
  segment,
  onSaved,
}: {
  segment?: Segment | undefined;
  onSaved: (segment: Segment) => void;
}) {
  const initialForm = segment === undefined ? EMPTY_FORM : formOfRule(segment.rule);
  const [id, setId] = useState(segment?.id ?? '');
  const [name, setName] = useState(segment?.name ?? '');
  const [form, setForm] = useState<RuleForm | undefined>(initialForm);
  const [json, setJson] = useState(JSON.stringify(segment?.rule ?? ruleOfForm(EMPTY_FORM), null, 2));
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const rule: unknown = form === undefined ? JSON.parse(json) : ruleOfForm(form);
      const saved = await must(
        api.PUT('/v1/segments/{id}', { params: { path: { id } }, body: { name, rule } }),
      );
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const setCondition = (index: number, condition: Condition) =>
    form &&
    setForm({ ...form, conditions: form.conditions.map((old, at) => (at === index ? condition : old)) });

  return (
    <form class="editor" onSubmit={(event) => void save(event)} data-test="segment-form" aria-label="Segment">
      <h2>{segment === undefined ? 'New segment' : `Segment ${segment.name}`}</h2>
      <div class="fields">
        <label>
          Id
          <input
            name="id"
            value={id}
            required
            pattern="[A-Za-z0-9_.:\-]+"
            readOnly={segment !== undefined}
            onInput={(event) => setId(event.currentTarget.value)}
          />
        </label>
        <label>
          Name
          <input name="name" value={name} required onInput={(event) => setName(event.currentTarget.value)} />
        </label>
      </div>
      {form === undefined ? (
        <label>
          Rule (JSON: this rule has a shape the form does not show)
          <textarea rows={10} value={json} onInput={(event) => setJson(event.currentTarget.value)} />
        </label>
      ) : (
        <fieldset>
          <legend>Members are customers who match</legend>
          <label>
            Match
            <select
              name="combinator"
              value={form.combinator}
              onChange={(event) =>
                setForm({ ...form, combinator: event.currentTarget.value as 'all' | 'any' })
              }
            >
              <option value="all">all of these conditions</option>
              <option value="any">any of these conditions</option>
            </select>
          </label>
          <ol class="conditions">
            {form.conditions.map((condition, index) => (
              <li key={index}>
                <ConditionFields
                  index={index}
                  condition={condition}
                  onChange={(next) => setCondition(index, next)}
                  onRemove={() =>
                    setForm({ ...form, conditions: form.conditions.filter((_, at) => at !== index) })
                  }
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() =>
              setForm({
                ...form,
                conditions: [...form.conditions, { kind: 'trait', path: 'traits.', op: 'eq', value: '' }],
              })
            }
          >
            Add a trait condition
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              setForm({
                ...form,
                conditions: [
                  ...form.conditions,
                  { kind: 'event', event: 'Order Completed', within: '30d', atLeast: '1' },
                ],
              })
            }
          >
            Add an event condition
          </button>
        </fieldset>
      )}
      {segment !== undefined && (
        <p data-test="member-count" aria-live="polite">
          Members now: <strong>{segment.members ?? '—'}</strong>
          {segment.backfill?.status === 'running' &&
            ` (back-fill ${segment.backfill.processed}/${segment.backfill.total})`}
        </p>
      )}
      <SaveButton busy={busy} />
      <Problem error={error} />
    </form>
  );
}

function ConditionFields(props: {
  index: number;
  condition: Condition;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}) {
  const { index, condition, onChange, onRemove } = props;
  const number = index + 1;
  if (condition.kind === 'event') {
    return (
      <div class="condition">
        <label>
          Event {number}
          <input
            value={condition.event}
            onInput={(event) => onChange({ ...condition, event: event.currentTarget.value })}
          />
        </label>
        <label>
          Within (e.g. 30d)
          <input
            value={condition.within}
            onInput={(event) => onChange({ ...condition, within: event.currentTarget.value })}
          />
        </label>
        <label>
          At least (times)
          <input
            type="number"
            min="1"
            value={condition.atLeast}
            onInput={(event) => onChange({ ...condition, atLeast: event.currentTarget.value })}
          />
        </label>
        <button type="button" onClick={onRemove} aria-label={`Remove condition ${number}`}>
          Remove
        </button>
      </div>
    );
  }
  return (
    <div class="condition">
      <label>
        Trait {number}
        <input
          name={`trait-${number}`}
          value={condition.path}
          onInput={(event) => onChange({ ...condition, path: event.currentTarget.value })}
        />
      </label>
      <label>
        Operator
        <select
          name={`op-${number}`}
          value={condition.op}
          onChange={(event) => onChange({ ...condition, op: event.currentTarget.value })}
        >
          {TRAIT_OPS.map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </select>
      </label>
      <label>
        Value
        <input
          name={`value-${number}`}
          value={condition.value}
          disabled={condition.op === 'exists'}
          onInput={(event) => onChange({ ...condition, value: event.currentTarget.value })}
        />
      </label>
      <button type="button" onClick={onRemove} aria-label={`Remove condition ${number}`}>
        Remove
      </button>
    </div>
  );
}
