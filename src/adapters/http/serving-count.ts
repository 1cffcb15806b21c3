import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServingFirst } from '../../app/serving-first.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A response that stays open (a live stream): not a request being served, for {@link ServingFirst}. */
    longLived?: boolean;
  }
}

/**
 * Tells {@link ServingFirst} which requests are in flight, so background work waits for a gap.
 * A request counts from routing to whichever comes first of its response, its abort or its socket
 * closing; live streams do not count, or one open stream would hold background work back for good.
 */
export function installServingCount(app: FastifyInstance, serving: ServingFirst): void {
  const counted = new WeakSet<FastifyRequest>();
  const ended = (request: FastifyRequest): void => {
    if (!counted.delete(request)) return;
    serving.requestEnded();
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.longLived === true) return;
    counted.add(request);
    serving.requestStarted();
    reply.raw.once('close', () => ended(request));
  });
  app.addHook('onResponse', async (request) => ended(request));
  app.addHook('onRequestAbort', async (request) => ended(request));
}
