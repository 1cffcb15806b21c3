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
 * a customer id when its schema is one of the customer id schemas or its name says so.
 */
export function loggableUrl(request: FastifyRequest, pseudonymise: (id: string) => string): string {
  const url = redactUrl(request.url);
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  const schema = request.routeOptions.schema;
  const mask = (raw: string) => `~${pseudonymise(decoded(raw))}`;
  return (
    maskPath(path, request.routeOptions.url, schema?.params as TSchema | undefined, mask) +
    maskQuery(query, mask)
  );
}

function maskPath(
  path: string,
  template: string | undefined,
  params: TSchema | undefined,
  mask: (raw: string) => string,
): string {
  if (template === undefined || !template.includes(':')) return path;
  const names = template.split('/');
  const segments = path.split('/');
  if (names.length !== segments.length) return path;
  return segments
    .map((segment, index) => {
      const name = names[index] ?? '';
      const isParam = name.startsWith(':') && !name.startsWith('::');
      return isParam && isCustomerId(name.slice(1), params) ? mask(segment) : segment;
    })
    .join('/');
}

function maskQuery(query: string, mask: (raw: string) => string): string {
  return query.replace(/([?&])([^=&]*)=([^&]*)/g, (whole, separator: string, name: string, value: string) =>
    CUSTOMER_ID_NAME.test(decoded(name)) ? `${separator}${name}=${mask(value)}` : whole,
  );
}

function isCustomerId(name: string, params: TSchema | undefined): boolean {
  const schema = (params?.['properties'] as Record<string, unknown> | undefined)?.[name];
  return schema === CustomerId || schema === CustomerIdField || CUSTOMER_ID_NAME.test(name);
}

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}
