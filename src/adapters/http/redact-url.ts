import type { FastifyRequest } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { CustomerIdField } from './common-schemas.js';
import { CustomerId } from './profiles/schemas.js';

/** Hides credentials that browsers must pass in the query string (the live stream's key and token). */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:key|token)=)[^&]*/gi, '$1[redacted]');
}

/** Query parameters and path parameters by these names carry a customer's id, whatever their schema. */
const CUSTOMER_ID_NAME = /^(userId|anonymousId|customerId)$/i;

/**
 * The URL as a request log line shows it: credentials redacted, and every customer id in the path or
 * the query replaced by `~` and a keyed hash of it (`pseudonymise`), so the log names no one an
 * erasure removed, while one customer's requests can still be followed through it. A parameter is
 * a customer id when its schema is one of the customer id schemas or its name says so; a query
 * parameter the route does not declare could be anything, so it is hashed too. A URL no route
 * matched (a 404, a wildcard route) says nothing of what its parts are: each path segment that is
 * not a word of some route's path (`routeWords`), and each query value, is hashed.
 */
export function loggableUrl(
  request: FastifyRequest,
  pseudonymise: (id: string) => string,
  routeWords: ReadonlySet<string> = new Set(),
): string {
  const url = redactUrl(request.url);
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  const template = request.routeOptions.url;
  const mask = (raw: string) => `~${pseudonymise(decoded(raw))}`;
  const unknownWords = () =>
    path
      .split('/')
      .map((segment) => (segment === '' || routeWords.has(segment) ? segment : mask(segment)))
      .join('/');
  if (request.is404 || template === undefined || template.includes('*'))
    return unknownWords() + maskQuery(query, mask, () => 'all');
  const schema = request.routeOptions.schema;
  const querystring = schema?.querystring as TSchema | undefined;
  const declared = querystring?.['properties'] as Record<string, unknown> | undefined;
  const partOf = (name: string): Masked => {
    if (isCustomerId(name, querystring)) return 'value';
    return declared?.[name] === undefined ? 'all' : 'none';
  };
  const masked = maskPath(path, template, schema?.params as TSchema | undefined, mask);
  return (masked ?? unknownWords()) + maskQuery(query, mask, partOf);
}

/** What of a query parameter a log hides: nothing, its value, or its name and value. */
type Masked = 'none' | 'value' | 'all';

/** The literal words of a route's path (`/v1/prices::resolve` → `v1`, `prices:resolve`), for {@link loggableUrl}. */
export function wordsOfRoute(template: string): string[] {
  return template
    .split('/')
    .filter((segment) => segment !== '' && !segment.includes('*') && !/(^|[^:]):(?!:)/.test(segment))
    .map((segment) => segment.replaceAll('::', ':'));
}

/** The path with its customer id parameters hashed; `undefined` when it does not line up with `template`. */
function maskPath(
  path: string,
  template: string,
  params: TSchema | undefined,
  mask: (raw: string) => string,
): string | undefined {
  const names = template.replace(/\/$/, '').split('/');
  const segments = path.replace(/\/$/, '').split('/');
  if (names.length !== segments.length) return undefined;
  if (!template.includes(':')) return path;
  return segments
    .map((segment, index) => {
      const name = names[index] ?? '';
      const isParam = name.startsWith(':') && !name.startsWith('::');
      return isParam && isCustomerId(name.slice(1), params) ? mask(segment) : segment;
    })
    .join('/');
}

/** The query with each parameter masked as `partOf` its name says (a customer id's name: its value). */
function maskQuery(query: string, mask: (raw: string) => string, partOf: (name: string) => Masked): string {
  return query.replace(
    /([?&])([^=&]*)(=?)([^&]*)/g,
    (whole, separator: string, name: string, equals: string, value: string) => {
      if (name === '' && equals === '') return whole;
      const plain = decoded(name);
      const part = CUSTOMER_ID_NAME.test(plain) ? 'value' : partOf(plain);
      if (part === 'none') return whole;
      if (part === 'value') return equals === '' ? whole : `${separator}${name}=${mask(value)}`;
      // A parameter without `=` is all name, and the name may be the id.
      return `${separator}${mask(name)}${equals}${equals === '' ? '' : mask(value)}`;
    },
  );
}

function isCustomerId(name: string, schema: TSchema | undefined): boolean {
  const field = (schema?.['properties'] as Record<string, unknown> | undefined)?.[name];
  return field === CustomerId || field === CustomerIdField || CUSTOMER_ID_NAME.test(name);
}

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}
