import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CustomerTokens } from '../../../app/access/customer-tokens.js';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import type { DemoMailbox } from '../../../app/demo/demo-mailbox.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';
import type { Checkout } from '../../../app/promotions/checkout.js';
import type { CurrencyCode } from '../../../domain/shared/index.js';
import { ProblemSchema, StrictObject } from '../common-schemas.js';
import { HttpProblem } from '../problem.js';
import { CartItems, CartResponse } from '../promotions/schemas.js';
import { viewerOf } from '../request-customer.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';

/** What the demo's journey routes need. */
export interface DemoJourneyRouteDeps {
  readonly mailbox: DemoMailbox;
  readonly tokens: CustomerTokens;
  readonly checkout: Checkout;
  readonly customers: CustomerContexts;
  readonly experiments: ExperimentAssignments;
  readonly currency: CurrencyCode;
  /** Throws `route_not_found` while the store does not hold the demo. */
  readonly requireDemo: () => Promise<void>;
}

/** The path the demo's webhook is registered at, on the node's own loopback address. */
export const DEMO_MAILBOX_PATH = '/demo/mailbox';

/** A mailbox delivery is a journey message: one event, far below the API's default body limit. */
const MAILBOX_BODY_LIMIT = 256 * 1024;

/**
 * The demo's journeys end to end (demo mode only): the mailbox that receives their signed
 * webhooks, what the signed-in customer's last message was, and a checkout standing in for the shop's
 * server, which in real life records the order with its secret key.
 */
export async function registerDemoJourneyRoutes(
  parent: FastifyInstance,
  deps: DemoJourneyRouteDeps,
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['demo'];

  // The signature covers the body's exact bytes: in this scope a JSON body is kept as the text it was.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: MAILBOX_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      DEMO_MAILBOX_PATH,
      {
        config: { scope: 'public' },
        schema: {
          tags,
          summary:
            "The demo mailbox: receives the demo journeys' journey.message webhooks, signature checked",
          response: { 204: Type.Null(), 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (request, reply) => {
        const header = (name: string) => {
          const value = request.headers[name];
          return typeof value === 'string' ? value : undefined;
        };
        const received = deps.mailbox.receive(
          {
            ...optional('id', header('webhook-id')),
            ...optional('timestamp', header('webhook-timestamp')),
            ...optional('signature', header('webhook-signature')),
          },
          typeof request.body === 'string' ? request.body : '',
        );
        if (!received.accepted) {
          if (received.reason === 'not_a_journey_message')
            throw new HttpProblem('invalid_value', 'the mailbox takes journey.message webhooks only', {
              pointer: '/type',
            });
          throw new HttpProblem('invalid_webhook_signature', `refused: ${received.reason}`, {
            in: 'header',
            pointer: '/webhook-signature',
          });
        }
        return reply.code(204).send();
      },
    );
  });

  app.get(
    `${DEMO_MAILBOX_PATH}/last`,
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary: 'The last journey message the signed-in demo customer received (x-customer-token), or null',
        response: {
          200: Type.Object({
            message: Type.Union([
              Type.Null(),
              Type.Object({
                messageId: Type.String(),
                receivedAt: Type.String(),
                data: Type.Record(Type.String(), Type.Unknown()),
              }),
            ]),
          }),
          403: ProblemSchema,
        },
      },
    },
    async (request) => {
      await deps.requireDemo();
      const userId = await signedIn(request, deps.tokens);
      return { message: deps.mailbox.last(userId) ?? null };
    },
  );

  app.post(
    '/demo/orders',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary:
          "Places the signed-in demo customer's order (x-customer-token): what a shop's server does with POST /v1/orders",
        body: StrictObject({
          items: CartItems,
          coupons: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
        }),
        response: { 200: CartResponse, 403: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => {
      await deps.requireDemo();
      const userId = await signedIn(request, deps.tokens);
      const { items, coupons } = request.body;
      const order = {
        orderId: `demo-web-${randomUUID()}`,
        userId,
        currency: deps.currency,
        items,
        ...(coupons !== undefined && { coupons }),
      };
      return deps.checkout.placeOrder(order, await viewerOf(deps, request, { userId }));
    },
  );
}

/** The demo customer the request's token names. @throws HttpProblem `forbidden` without a valid token. */
async function signedIn(request: FastifyRequest, tokens: CustomerTokens): Promise<string> {
  const header = request.headers['x-customer-token'];
  const userId = await tokens.verify(typeof header === 'string' ? header : undefined);
  if (userId === undefined)
    throw new HttpProblem('forbidden', 'sign in first: a valid customer token is needed', {
      in: 'header',
      pointer: '/x-customer-token',
    });
  return userId;
}

function optional<K extends string>(name: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: string };
}
