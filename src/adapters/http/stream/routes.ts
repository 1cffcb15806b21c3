import type { FastifyInstance } from 'fastify';
import type { LiveUpdates } from '../../../app/live/live-updates.js';
import { commonProblems, ProblemSchema } from '../common-schemas.js';
import { customerProof } from '../request-customer.js';
import { SseConnection } from '../sse.js';
import { StreamQuotas, type SharedStreamCounts, type StreamQuotaLimits } from './stream-quotas.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { StreamQuery } from './schemas.js';

/** `GET /v1/stream`: live changes for an open page, as Server-Sent Events. */
export function registerStreamRoutes(
  parent: FastifyInstance,
  deps: {
    live: LiveUpdates;
    storeCurrency: string;
    quotas: StreamQuotaLimits;
    /** Counts shared by the nodes (Redis); without them each node counts its own streams. */
    sharedCounts?: { readonly counts: SharedStreamCounts; readonly onError: (error: unknown) => void };
  },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { live } = deps;
  const quotas = new StreamQuotas(deps.quotas, deps.sharedCounts);
  // Shutdown ends open streams first: they never go idle, so the server would wait on them forever.
  app.addHook('preClose', async () => live.closeAll());

  app.get(
    '/v1/stream',
    {
      config: { scope: 'storefront', keyInQuery: true, longLived: true },
      schema: {
        tags: ['decide'],
        summary: 'Live changes for an open page (Server-Sent Events)',
        description:
          'Pushes price.changed, stock.changed, offer.unlocked and segment.entered for this customer, for the ' +
          'products the page names plus their cart and recent views. A new stream starts with `ready`; a browser ' +
          'reconnecting with Last-Event-ID gets what it missed, or `resync` when that is no longer known (fetch ' +
          'the page again). Comment lines keep idle connections open. key and token may be query parameters, ' +
          'since EventSource cannot send headers (a publishable key only). country, channel and device are the page context, as decide gets it.',
        querystring: StreamQuery,
        response: {
          200: {
            description: 'an event stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          429: ProblemSchema,
          503: ProblemSchema,
          ...commonProblems,
        },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const header = request.headers['last-event-id'];
      const connection = new SseConnection(reply.raw);
      const release = await quotas.take(request.ip, request.principal?.keyId ?? 'none');
      const close = await live
        .open(
          {
            ...(query.userId !== undefined && { userId: query.userId }),
            ...(query.anonymousId !== undefined && { anonymousId: query.anonymousId }),
            trusted: customerProof(request).trusted,
            ...(query.token !== undefined && { customerToken: query.token }),
            currency: query.currency ?? deps.storeCurrency,
            context: {
              ...(query.country !== undefined && { country: query.country }),
              ...(query.channel !== undefined && { channel: query.channel }),
              ...(query.device !== undefined && { device: query.device }),
            },
            products: query.products?.split(',') ?? [],
          },
          typeof header === 'string' ? header : query.lastEventId,
          connection,
        )
        .catch((error: unknown) => {
          release();
          throw error;
        });
      void reply.hijack();
      connection.start(request.id);
      // A hijacked reply skips the request log line, so the stream writes its own, on close.
      const url = request.loggedUrl;
      const ended = () => {
        close();
        release();
        request.log.info(
          { method: 'GET', url, status: 200, ms: Math.round(reply.elapsedTime) },
          'stream closed',
        );
      };
      // The response closes when the browser goes away (or shutdown ends it).
      if (reply.raw.destroyed) ended();
      else reply.raw.once('close', ended);
    },
  );
}
