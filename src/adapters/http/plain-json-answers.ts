import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's 2xx answers are written with `JSON.stringify` (see {@link PlainJsonAnswers}). */
    plainJsonAnswer?: boolean;
  }
}

type Serializer = (document: unknown) => string;

/** What Fastify tells a serialiser compiler of the route and status it compiles for. */
export interface SerializedRoute {
  readonly method: string;
  readonly url: string;
  readonly httpStatus: string;
}

/**
 * Large answers Attune builds field by field (a decide page is some 27 KB of hydrated items) are
 * written with `JSON.stringify` instead of the serialiser fast-json-stringify compiles from the
 * response schema. That serialiser concatenates thousands of small strings, which V8 then has to
 * flatten to write them to the socket; measured, decide spent about a sixth less CPU a request
 * without it (docs/evaluation.md, "Decide's answer written with JSON.stringify").
 *
 * The schema stays the contract (OpenAPI, the typed client). What a compiled serialiser does
 * besides writing, dropping a property the schema does not name and coercing a value to the type
 * it declares, becomes a check: with `check` on (`ATTUNE_CHECK_ANSWERS`, on in the tests) each such
 * answer is also written by the compiled serialiser, and a difference fails the request, naming
 * where, so a field outside the schema or a value of the wrong type shows in tests instead of
 * reaching a storefront.
 */
export class PlainJsonAnswers {
  readonly #routes = new Set<string>();

  constructor(private readonly check: boolean) {}

  /** Notes each route registered with `config.plainJsonAnswer`; install before the routes. */
  install(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      if (route.config?.plainJsonAnswer !== true) return;
      for (const method of [route.method].flat()) this.#routes.add(`${method} ${route.url}`);
    });
  }

  /**
   * The serialiser of a route's status: `JSON.stringify` (checked against `compiled` when asked)
   * for a 2xx status of a route that asked for it, else `compiled`. Called when a status is first
   * answered, after every route is registered.
   */
  choose(route: SerializedRoute, compiled: () => Serializer): Serializer {
    const plain = this.#routes.has(`${route.method} ${route.url}`) && route.httpStatus.startsWith('2');
    if (!plain) return compiled();
    if (!this.check) return (document) => JSON.stringify(document);
    const bySchema = compiled();
    return (document) => {
      const written = JSON.stringify(document);
      const difference = firstDifference(JSON.parse(written), JSON.parse(bySchema(document)), '');
      if (difference !== undefined) {
        throw new Error(
          `${route.method} ${route.url} ${route.httpStatus}: the answer differs from its schema at ${difference || '/'}`,
        );
      }
      return written;
    };
  }
}

/** The JSON pointer of the first place two parsed documents differ, or undefined when equal. */
function firstDifference(written: unknown, bySchema: unknown, at: string): string | undefined {
  if (isDeepStrictEqual(written, bySchema)) return undefined;
  if (typeof written !== 'object' || typeof bySchema !== 'object' || written === null || bySchema === null)
    return at;
  if (Array.isArray(written) !== Array.isArray(bySchema)) return at;
  const a = written as Record<string, unknown>;
  const b = bySchema as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference(a[key], b[key], `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    if (found !== undefined) return found;
  }
  return at;
}
