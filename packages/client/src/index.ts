import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };

/** The JSON body an operation answers with on success, by operationId: `Answer<'decide'>`. */
export type Answer<Operation extends keyof operations> = operations[Operation] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/** The JSON body an operation takes, by operationId: `RequestBody<'decide'>`. */
export type RequestBody<Operation extends keyof operations> = operations[Operation] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export interface AttuneClientOptions {
  /** Where Attune answers, e.g. `https://attune.example.com`; in a browser on the same origin, `location.origin`. */
  readonly baseUrl: string;
  /** A secret key (`sk_…`, server side only) or a publishable key (`pk_…`, safe in a browser). */
  readonly key: string;
  /**
   * The signed-in customer's token, minted by the shop's server (`POST /v1/customer-tokens`): with a
   * publishable key, a customer's own prices and profile need it. A function is asked on every request.
   */
  readonly customerToken?: string | (() => string | undefined);
  /** A `fetch` to use instead of the global one (tests, proxies, retries). */
  readonly fetch?: typeof globalThis.fetch;
}

/** A typed Attune client: `client.POST('/v1/decide', { body })` checks paths, bodies and answers at compile time. */
export type AttuneClient = Client<paths>;

/**
 * Makes a client for one key. Every request carries the key as a bearer token, and the customer token
 * when there is one; errors come back as `{ error }` holding Attune's problem+json (`code`, `pointer`).
 */
export function createAttuneClient(options: AttuneClientOptions): AttuneClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  });
  client.use(credentials(options));
  return client;
}

function credentials(options: AttuneClientOptions): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${options.key}`);
      const token =
        typeof options.customerToken === 'function' ? options.customerToken() : options.customerToken;
      if (token !== undefined) request.headers.set('x-customer-token', token);
      return request;
    },
  };
}

export interface SessionClientOptions {
  /** Where Attune answers; in the console, `location.origin`. */
  readonly baseUrl: string;
  /** The session's CSRF token (from `POST /v1/sessions` or `GET /v1/sessions/current`), asked on every change. */
  readonly csrfToken: () => string | undefined;
  readonly fetch?: typeof globalThis.fetch;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Makes a client for a console session in a browser: no key at all. The browser sends the HttpOnly
 * session cookie itself (same origin); every change carries the session's CSRF token as `X-CSRF-Token`.
 */
export function createSessionClient(options: SessionClientOptions): AttuneClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    credentials: 'same-origin',
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  });
  client.use({
    onRequest({ request }) {
      const token = options.csrfToken();
      if (!SAFE_METHODS.has(request.method) && token !== undefined)
        request.headers.set('x-csrf-token', token);
      return request;
    },
  });
  return client;
}
