import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { Histogram, collectDefaultMetrics, type Registry } from 'prom-client';

/**
 * Prometheus metrics: Node's process metrics and a latency histogram per route, method and status.
 * With `requireKey`, scraping needs a secret key (`Authorization: Bearer sk_...`).
 */
export function installMetrics(
  app: FastifyInstance,
  registry: Registry,
  options: { readonly requireKey: boolean },
): void {
  collectDefaultMetrics({ register: registry, prefix: 'attune_' });
  const duration = new Histogram({
    name: 'attune_http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route template, not the URL, so ids do not explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  // Open by default, as Prometheus scrapes expect; behind ATTUNE_METRICS_REQUIRE_KEY, a secret key only.
  const scope = options.requireKey ? 'metrics:read' : 'public';
  app.get('/metrics', { config: { scope }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
