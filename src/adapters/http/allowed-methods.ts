import type { FastifyInstance } from 'fastify';
import Router from 'find-my-way';

/** The methods a path answers, for a `405 Method Not Allowed` and its `Allow` header. */
export type AllowedMethods = (path: string) => readonly string[];

/**
 * Mirrors every route into a second find-my-way router — the one Fastify itself routes with, so a path
 * matches here exactly when it would match there — and answers which methods a concrete path has.
 * Must be installed before the routes are registered.
 */
export function trackAllowedMethods(
  app: FastifyInstance,
  options: { readonly ignoreTrailingSlash: boolean; readonly maxParamLength: number },
): AllowedMethods {
  const router = Router(options);
  const methodsByRoute = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    const known = methodsByRoute.get(route.url);
    if (known === undefined) {
      const added = new Set(methods);
      methodsByRoute.set(route.url, added);
      router.on('GET', route.url, () => undefined, { methods: added });
    } else {
      for (const method of methods) known.add(method);
    }
  });
  return (path) => {
    const found = router.find('GET', path);
    if (found === null) return [];
    const methods = (found.store as { methods: ReadonlySet<string> }).methods;
    return [...methods].sort();
  };
}
