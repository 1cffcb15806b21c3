import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyService, Principal } from '../../app/access/api-keys.js';
import type { ConsoleSessions } from '../../app/access/console-sessions.js';
import type { Scope } from '../../app/access/scopes.js';
import { authorizeSession, sessionIdOf } from './console/session-auth.js';
import { HttpProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a key needs for this route, or `public` for unauthenticated routes. Every route names one. */
    scope?: Scope | 'public';
    /** The key may also come as `writeKey` in the JSON body, as Segment's batch envelope carries it. */
    keyInBody?: boolean;
    /** A publishable key may also come as the `key` query parameter: a browser's EventSource cannot send headers. */
    keyInQuery?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    /** Set when no header carried a key and the route reads it from the body: the body must stay small. */
    keyExpectedInBody: boolean;
  }
}

/**
 * The most a body may hold, decompressed, when its key is inside it. Without a key in a header, the
 * body must be read (and decompressed) before anyone is known; bounding it keeps strangers cheap.
 */
export const KEY_IN_BODY_MAX_BYTES = 64 * 1024;

/**
 * API-key authentication and scope checks. A key comes as `Authorization: Bearer <key>` or, as
 * Segment's and RudderStack's SDKs send it, as the user name of HTTP Basic auth. Without a key, a
 * console session cookie is the principal instead (its role's scopes; changes need its CSRF token).
 */
export function installAuth(app: FastifyInstance, keys: ApiKeyService, sessions: ConsoleSessions): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('keyExpectedInBody', false);
  app.addHook('onRoute', (route) => {
    if (route.config?.scope === undefined && !route.url.startsWith('/docs')) {
      throw new Error(`route ${route.method.toString()} ${route.url} does not declare a scope`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const { scope, keyInBody, keyInQuery } = request.routeOptions.config;
    if (scope === undefined || scope === 'public') return;
    const header = presentedKey(request);
    const inQuery = header === undefined && keyInQuery === true ? queryKey(request) : undefined;
    const key = header ?? inQuery;
    const sessionId = key === undefined ? sessionIdOf(request) : undefined;
    if (sessionId !== undefined) {
      request.principal = await authorizeSession(sessions, sessionId, scope, request);
      return;
    }
    // Without a header, a route that takes the key in its body checks it once the body is parsed,
    // which only a small body of known length may ask for.
    if (key === undefined && keyInBody === true) {
      refuseLargeBodyWithoutHeaderKey(request);
      request.keyExpectedInBody = true;
      return;
    }
    request.principal = await authorize(keys, key, scope);
    // URLs end up in proxies' and browsers' histories: only a publishable key, public anyway, may travel in one.
    if (inQuery !== undefined && request.principal.kind !== 'publishable') {
      throw new HttpProblem(
        'unauthorized',
        'a secret key may not be sent in the URL; use Authorization: Bearer',
        {
          in: 'query',
          pointer: '/key',
        },
      );
    }
  });
  app.addHook('preValidation', async (request) => {
    const { scope, keyInBody } = request.routeOptions.config;
    if (keyInBody !== true || scope === undefined || scope === 'public' || request.principal !== undefined)
      return;
    const body = request.body as { writeKey?: unknown } | undefined;
    const key = typeof body?.writeKey === 'string' && body.writeKey !== '' ? body.writeKey : undefined;
    request.principal = await authorize(keys, key, scope);
  });
}

/** The key a request presents in a header, or (where the route allows it) in the query; unchecked. */
export function presentedKeyOf(request: FastifyRequest, allowQuery: boolean): string | undefined {
  return presentedKey(request) ?? (allowQuery ? queryKey(request) : undefined);
}

/** Answers before the body is read: a body of unknown or large length needs its key in a header. */
function refuseLargeBodyWithoutHeaderKey(request: FastifyRequest): void {
  const declared = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'] !== undefined;
  if ((declared === undefined && !chunked) || Number(declared) <= KEY_IN_BODY_MAX_BYTES) return;
  throw new HttpProblem(
    'header_key_required',
    `a body over ${KEY_IN_BODY_MAX_BYTES} bytes, or of unknown length, needs Authorization: Bearer <key>`,
    { in: 'header', pointer: '/authorization' },
  );
}

async function authorize(keys: ApiKeyService, key: string | undefined, scope: Scope): Promise<Principal> {
  const principal = key === undefined ? undefined : await keys.authenticate(key);
  if (principal === undefined) {
    const detail = key === undefined ? 'send an API key: Authorization: Bearer <key>' : 'unknown API key';
    throw new HttpProblem('unauthorized', detail, { in: 'header', pointer: '/authorization' });
  }
  if (!principal.scopes.has(scope)) {
    throw new HttpProblem('forbidden', `a ${principal.kind} key does not have the ${scope} scope`, { scope });
  }
  return principal;
}

function queryKey(request: FastifyRequest): string | undefined {
  const key = (request.query as { key?: unknown } | undefined)?.key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer' && credentials !== '') return credentials;
  if (scheme.toLowerCase() === 'basic' && credentials !== '') {
    const user = Buffer.from(credentials, 'base64').toString('utf8').split(':')[0];
    return user === undefined || user === '' ? undefined : user;
  }
  return undefined;
}
