import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Readiness } from '../../../app/readiness.js';
import type { EventBus } from '../../../ports/event-bus.js';
import type { Store } from '../../../ports/store.js';
import { problemFor, sendProblem } from '../problem.js';

const PROBE_TIMEOUT_MS = 2_000;

/** What the probes check. */
export interface SystemRouteDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly readiness: Readiness;
}

/**
 * `GET /healthz` and `GET /readyz`: liveness and readiness probes. `/metrics`, `/openapi.json` and
 * `/docs` are installed with their plugins (metrics.ts, openapi.ts), before every route.
 */
export function registerSystemRoutes(app: FastifyInstance, deps: SystemRouteDeps): void {
  const tags = ['operations'];
  app.get(
    '/healthz',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: 'Liveness: the process answers',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { scope: 'public' },
      schema: { tags, summary: 'Readiness: store and bus reachable, start-up finished', security: [] },
    },
    async (_request, reply) => {
      const [store, bus] = await Promise.all([probe(() => deps.store.ping()), probe(() => deps.bus.ping())]);
      const startup = deps.readiness.blockers();
      const skipped = deps.readiness.skippedObjects();
      // Left-out objects do not stop the node serving the rest: they are reported, not blocking.
      const checks = {
        store,
        bus,
        startup: startup.length === 0 ? 'ok' : startup.join('; '),
        ...(skipped.length > 0 && { skipped }),
      };
      if (store === 'ok' && bus === 'ok' && startup.length === 0) return { status: 'ready', checks };
      return sendProblem(reply, problemFor('not_ready', 'not ready to take traffic', { checks }));
    },
  );
}

async function probe(check: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : 'failed';
  } finally {
    clearTimeout(timer);
  }
}
