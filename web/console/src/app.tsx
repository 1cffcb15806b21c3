/** The console's frame: sign-in, the menu (a landmark, keyboard-reachable) and the page of the hash. */
import { useEffect, useState } from 'preact/hooks';
import { currentSession, onSessionEnded, signOut, type Session } from './api.js';
import { ROUTES, routeOf } from './routes.js';
import { SignIn } from './sign-in.js';
import { Loading, SessionContext } from './ui.js';

export function App() {
  const [session, setSession] = useState<Session | undefined | null>(null);
  const [hash, setHash] = useState(location.hash);

  useEffect(() => {
    currentSession().then(setSession, () => setSession(undefined));
    onSessionEnded(() => setSession(undefined));
    const onHash = () => setHash(location.hash);
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // A new page takes the focus to its heading, so a keyboard or screen-reader user starts there.
  useEffect(() => {
    document.getElementById('page-title')?.focus();
  }, [hash]);

  if (session === null) return <Loading what="the console" />;
  if (session === undefined) return <SignIn onSignedIn={setSession} />;

  const route = routeOf(hash);
  const Current = route.page;
  const isAdmin = session.user.role === 'admin';
  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Attune console</span>
        <span class="who" data-test="who">
          {session.user.email} · <span data-test="role">{session.user.role}</span>
        </span>
        <button type="button" onClick={() => void signOut().then(() => setSession(undefined))}>
          Sign out
        </button>
      </header>
      <div class="frame">
        <nav aria-label="Console sections">
          <ul>
            {ROUTES.filter((item) => isAdmin || item.adminOnly !== true).map((item) => (
              <li key={item.path}>
                <a href={`#${item.path}`} aria-current={item === route ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Current key={route.path} />
        </main>
      </div>
    </SessionContext.Provider>
  );
}

/** The skip link moves the focus without changing the hash the router reads. */
function skipToMain(event: Event): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
