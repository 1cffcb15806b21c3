/** Sign-in: an email and a password, sent once to POST /v1/sessions; the browser keeps the cookie. */
import { useState } from 'preact/hooks';
import { signIn, type Session } from './api.js';
import { Problem, fieldText } from './ui.js';

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    try {
      onSignedIn(await signIn(fieldText(form, 'email'), fieldText(form, 'password')));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="sign-in">
      <h1>Attune console</h1>
      <form onSubmit={(event) => void submit(event)} data-test="sign-in">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <Problem error={error} />
      </form>
    </main>
  );
}
