/** An object edited as JSON and saved with one PUT: for settings whose shape is read best as it is. */
import { useState } from 'preact/hooks';
import { describeError } from './api.js';
import { Problem, SaveButton } from './ui.js';

export function JsonEditor(props: {
  label: string;
  value: unknown;
  /** Sends the edited object; answers the stored one. */
  save: (value: unknown) => Promise<unknown>;
  test?: string;
}) {
  const { label, value, save, test } = props;
  const [text, setText] = useState(JSON.stringify(value ?? {}, null, 2));
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (failure) {
      setError(new Error(`not JSON: ${describeError(failure)}`));
      return;
    }
    setBusy(true);
    try {
      setText(JSON.stringify(await save(parsed), null, 2));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="editor" onSubmit={(event) => void submit(event)} data-test={test} aria-label={label}>
      <label>
        {label} (JSON)
        <textarea
          rows={12}
          spellcheck={false}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      <SaveButton busy={busy} />
      {saved && <p aria-live="polite">Saved.</p>}
      <Problem error={error} />
    </form>
  );
}
