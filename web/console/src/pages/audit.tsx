/** The audit log (GET /v1/audit): who changed what and when, each change shown as a field-by-field diff. */
import { useState } from 'preact/hooks';
import { api, must, type Answer } from '../api.js';
import { diffOf } from '../diff.js';
import { Loading, Page, Problem, fieldText, useLoad, when } from '../ui.js';

type AuditPage = Answer<'listAudit'>;
type Entry = AuditPage['items'][number];

export function AuditPage() {
  const [filter, setFilter] = useState<{ resource: string; actor: string }>({ resource: '', actor: '' });
  const [pages, setPages] = useState<Entry[]>([]);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const first = useLoad(async () => {
    const answer = await must(
      api.GET('/v1/audit', {
        params: {
          query: {
            limit: 50,
            ...(filter.resource !== '' && { resource: filter.resource }),
            ...(filter.actor !== '' && { actor: filter.actor }),
          },
        },
      }),
    );
    setPages([]);
    return answer;
  }, [filter]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const nextCursor = cursor === undefined ? first.data?.nextCursor : cursor;

  const more = async () => {
    if (nextCursor === null || nextCursor === undefined) return;
    const answer = await must(api.GET('/v1/audit', { params: { query: { limit: 50, cursor: nextCursor } } }));
    setPages((old) => [...old, ...answer.items]);
    setCursor(answer.nextCursor);
  };

  const filterBy = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setCursor(undefined);
    setFilter({
      resource: fieldText(form, 'resource'),
      actor: fieldText(form, 'actor'),
    });
  };

  const entries = [...(first.data?.items ?? []), ...pages];
  return (
    <Page title="Audit log">
      <form class="fields" onSubmit={filterBy} aria-label="Filter the audit log">
        <label>
          Resource (type or type:id)
          <input name="resource" placeholder="promotion:summer" pattern="[a-z\-]{1,40}(:.+)?" />
        </label>
        <label>
          Actor (user or key id)
          <input name="actor" />
        </label>
        <button type="submit">Filter</button>
      </form>
      <Problem error={first.error} />
      {first.data === undefined ? (
        <Loading what="the audit log" />
      ) : (
        <ol class="audit" data-test="audit">
          {entries.length === 0 && <li>No changes recorded.</li>}
          {entries.map((entry) => (
            <li
              key={entry.id}
              data-resource={`${entry.resource.type}:${entry.resource.id}`}
              data-action={entry.action}
            >
              <button
                type="button"
                class="link"
                aria-expanded={open === entry.id}
                aria-controls={`diff-${entry.id}`}
                onClick={() => setOpen(open === entry.id ? undefined : entry.id)}
              >
                {when(entry.at)} · {entry.actor.type} {entry.actor.id} · {entry.action} {entry.resource.type}{' '}
                <code>{entry.resource.id}</code>
              </button>
              {open === entry.id && <Diff entry={entry} />}
            </li>
          ))}
        </ol>
      )}
      {nextCursor !== null && nextCursor !== undefined && (
        <button type="button" onClick={() => void more()}>
          Older changes
        </button>
      )}
    </Page>
  );
}

function Diff({ entry }: { entry: Entry }) {
  const changes = diffOf(entry.before, entry.after);
  return (
    <table id={`diff-${entry.id}`} class="diff" data-test="diff">
      <caption>
        What changed in {entry.resource.type} {entry.resource.id}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.length === 0 && (
          <tr>
            <td colSpan={3}>No field changed.</td>
          </tr>
        )}
        {changes.map((change) => (
          <tr key={change.path} class={change.kind}>
            <th scope="row">
              <code>{change.path}</code>
            </th>
            <td class="before">{change.kind === 'added' ? '' : show(change.before)}</td>
            <td class="after">{change.kind === 'removed' ? '' : show(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
