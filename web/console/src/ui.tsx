/** Small pieces every page uses: loading an answer, showing a problem, labelled fields, the role. */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { describeError, type Session } from './api.js';

export const SessionContext = createContext<Session | undefined>(undefined);

/** True when the signed-in role may change merchant objects (the API refuses a viewer anyway). */
export function useCanEdit(): boolean {
  const role = useContext(SessionContext)?.user.role;
  return role === 'editor' || role === 'admin';
}

export function useIsAdmin(): boolean {
  return useContext(SessionContext)?.user.role === 'admin';
}

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly reload: () => void;
}

/** Calls `load` now and whenever `reload` is called; keeps the last answer and the last error. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (answer) => current && (setData(answer), setError(undefined)),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, error, reload };
}

export function Problem({ error }: { error: unknown }) {
  if (error === undefined) return null;
  return (
    <p class="problem" role="alert">
      {describeError(error)}
    </p>
  );
}

export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Attune console`;
  }, [title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

/** A save button that a viewer sees disabled, with the reason next to it. */
export function SaveButton({ label = 'Save', busy = false }: { label?: string; busy?: boolean }) {
  const canEdit = useCanEdit();
  return (
    <span class="save">
      <button
        type="submit"
        disabled={!canEdit || busy}
        aria-describedby={canEdit ? undefined : 'viewer-note'}
      >
        {busy ? 'Saving…' : label}
      </button>
      {!canEdit && (
        <span id="viewer-note" class="note">
          Your role (viewer) may read, not change.
        </span>
      )}
    </span>
  );
}

/** JSON as people read it, for the parts of an object a form does not cover. */
export function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre class="json" aria-label={label} tabIndex={0}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function Loading({ what }: { what: string }) {
  return <p aria-live="polite">Loading {what}…</p>;
}

/** A date-time for people, in UTC so two merchants in two places read the same thing. */
export function when(iso: string | undefined): string {
  return iso === undefined ? '—' : iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/** A text field of a submitted form, trimmed ('' when absent). */
export function fieldText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
