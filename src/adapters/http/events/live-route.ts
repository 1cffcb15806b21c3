import type { FastifyInstance } from 'fastify';
import type { EventTail } from '../../../app/live/event-tail.js';
import { commonProblems, ProblemSchema } from '../common-schemas.js';
import { HttpProblem } from '../problem.js';
import { SseConnection } from '../sse.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';

/** Open live event views on one node at most: each is a merchant's console tab, not a shopper's page. */
const MAX_WATCHERS = 20;
/** A comment this often keeps an idle connection open through proxies. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /v1/events/live`: the events this node stores, as they arrive (Server-Sent Events): first the
 * last ones it kept, then each new one. For the console's live event view; a secret key or a session.
 */
export function registerEventTailRoute(parent: FastifyInstance, tail: EventTail): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const open = new Set<SseConnection>();
  // Shutdown ends open streams first: they never go idle, so the server would wait on them forever.
  app.addHook('preClose', async () => {
    for (const connection of open) connection.end();
  });

  app.get(
    '/v1/events/live',
    {
      config: { scope: 'profiles:read', longLived: true },
      schema: {
        tags: ['events'],
        summary:
          'The events this node stores, live (Server-Sent Events), starting with the last ones it kept',
        description:
          'Each stored event comes as `event: event` with its type, name, ids, times, properties and traits. ' +
          'Events are kept in memory per node: with several nodes, each shows those it ingested.',
        response: {
          200: {
            description: 'an event stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          429: ProblemSchema,
          ...commonProblems,
        },
      },
    },
    async (request, reply) => {
      if (open.size >= MAX_WATCHERS) {
        throw new HttpProblem('rate_limited', `at most ${MAX_WATCHERS} live event views per node`, {
          limitClass: 'event-tail',
        });
      }
      const connection = new SseConnection(reply.raw);
      open.add(connection);
      let sequence = 0;
      const send = (event: ReturnType<EventTail['recent']>[number]) =>
        connection.send({ id: String(++sequence), event: 'event', data: event });
      for (const event of tail.recent()) send(event);
      const stop = tail.watch(send);
      void reply.hijack();
      connection.start(request.id);
      const heartbeat = setInterval(() => connection.heartbeat(), HEARTBEAT_MS);
      heartbeat.unref();
      const ended = () => {
        clearInterval(heartbeat);
        stop();
        open.delete(connection);
      };
      if (reply.raw.destroyed) ended();
      else reply.raw.once('close', ended);
    },
  );
}
