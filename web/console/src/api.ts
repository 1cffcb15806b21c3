/** The public API as the console calls it: the typed client with the session cookie and its CSRF token. */
import {
  createSessionClient,
  type Answer,
  type AttuneClient,
  type RequestBody,
} from '../../../packages/client/src/index.js';

export type { Answer, RequestBody };
export type Session = Answer<'getCurrentSession'>;
export type Role = Session['user']['role'];

/** A problem+json answer, kept whole so a form can point at the offending field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly pointer?: string,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
let sessionEnded: () => void = () => {};

/** Called when an answer says the session has ended (idle, expired, signed out elsewhere): back to sign-in. */
export function onSessionEnded(listener: () => void): void {
  sessionEnded = listener;
}

/** The one client of the page. It holds no key: the browser sends the HttpOnly session cookie. */
export const api: AttuneClient = createSessionClient({
  baseUrl: location.origin,
  csrfToken: () => csrfToken,
});

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The answer's body, or an ApiError carrying the problem's code, detail and pointer. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error === undefined && response.ok) return data as T;
  if (response.status === 401) sessionEnded();
  const problem = (error ?? {}) as { code?: string; detail?: string; title?: string; pointer?: string };
  throw new ApiError(
    response.status,
    problem.code ?? `http_${response.status}`,
    problem.detail ?? problem.title ?? response.statusText,
    problem.pointer,
  );
}

/** Who is signed in, or undefined when no session is live. */
export async function currentSession(): Promise<Session | undefined> {
  const { data, response } = await api.GET('/v1/sessions/current');
  if (response.status === 401 || data === undefined) return undefined;
  rememberCsrfToken(data.csrf?.token);
  return data;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const { data, error, response } = await api.POST('/v1/sessions', { body: { email, password } });
  if (data === undefined) {
    const problem = (error ?? {}) as { code?: string; detail?: string };
    throw new ApiError(response.status, problem.code ?? 'sign_in_failed', problem.detail ?? 'sign-in failed');
  }
  rememberCsrfToken(data.csrf?.token);
  return data;
}

export async function signOut(): Promise<void> {
  await api.DELETE('/v1/sessions/current');
  rememberCsrfToken(undefined);
}

/** Money in minor units as people read it. */
export function formatMoney(money: { amount: number; currency: string } | undefined): string {
  if (money === undefined) return '—';
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency }).format(
    money.amount / 100,
  );
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError)
    return `${error.message} (${error.code}${error.pointer ? ` at ${error.pointer}` : ''})`;
  return error instanceof Error ? error.message : String(error);
}
