import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { LoyaltyService } from '../../../app/loyalty/loyalty-service.js';
import type { WebhookService } from '../../../app/webhooks/webhook-service.js';
import type { Webhook } from '../../../ports/store.js';
import { AppError } from '../../../app/errors.js';
import { etagOf, ifMatchOf } from '../preconditions.js';
import { IdParams, ProblemSchema, commonProblems } from '../schemas/common.js';
import {
  DeliveryList,
  LoyaltyBody,
  LoyaltyResponse,
  WebhookBody,
  WebhookResponse,
} from '../schemas/segments.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';

/** The secret signs every message: it is answered masked, never in full. */
function webhookView(webhook: Webhook) {
  return { ...webhook, secret: `${webhook.secret.slice(0, 10)}…` };
}

export function registerLoyaltyAndWebhookRoutes(
  parent: FastifyInstance,
  loyalty: LoyaltyService,
  webhooks: WebhookService,
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();

  app.put(
    '/v1/loyalty/program',
    {
      config: { scope: 'loyalty:write' },
      schema: {
        tags: ['loyalty'],
        summary: "Set the store's loyalty program; points and tiers are recomputed for every customer",
        body: LoyaltyBody,
        response: { 200: LoyaltyResponse, ...commonProblems },
      },
    },
    async (request) => loyalty.put(request.body),
  );

  app.get(
    '/v1/loyalty/program',
    {
      config: { scope: 'loyalty:write' },
      schema: {
        tags: ['loyalty'],
        summary: 'The loyalty program and its back-fill progress',
        response: { 200: LoyaltyResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async () => {
      const program = await loyalty.get();
      if (program === undefined)
        throw new AppError('loyalty_program_not_found', 'the store has no loyalty program yet', {});
      return program;
    },
  );

  const tags = ['webhooks'];
  app.put(
    '/v1/webhooks/:id',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Subscribe a URL to segment and loyalty events, signed per Standard Webhooks',
        params: IdParams,
        body: WebhookBody,
        response: { 200: WebhookResponse, 201: WebhookResponse, ...commonProblems },
      },
    },
    async (request, reply) => {
      const webhook = await webhooks.put({ id: request.params.id, ...request.body }, ifMatchOf(request));
      return reply
        .code(webhook.version === 1 ? 201 : 200)
        .header('etag', etagOf(webhook.version))
        .send(webhookView(webhook));
    },
  );

  app.get(
    '/v1/webhooks/:id',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: 'A webhook',
        params: IdParams,
        response: { 200: WebhookResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => webhookView(await webhooks.get(request.params.id)),
  );

  app.get(
    '/v1/webhooks',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Every webhook',
        response: { 200: Type.Object({ items: Type.Array(WebhookResponse) }), ...commonProblems },
      },
    },
    async () => ({ items: (await webhooks.list()).map(webhookView) }),
  );

  app.delete(
    '/v1/webhooks/:id',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Delete a webhook and its undelivered messages',
        params: IdParams,
        response: { 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await webhooks.delete(request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: "A webhook's messages and how their delivery went",
        params: IdParams,
        response: { 200: DeliveryList, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => ({
      items: (await webhooks.deliveries(request.params.id)).map((message) => ({
        id: message.id,
        type: message.type,
        attempts: message.attempts,
        createdAt: new Date(message.createdAt).toISOString(),
        deliveredAt: message.deliveredAt === null ? null : new Date(message.deliveredAt).toISOString(),
        lastError: message.lastError,
      })),
    }),
  );
}
