import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { WebhookService } from '../../../app/webhooks/webhook-service.js';
import { IdParams, ProblemSchema, commonProblems } from '../common-schemas.js';
import { etagOf, ifMatchOf } from '../preconditions.js';
import { HttpProblem } from '../problem.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { WebhookBody, WebhookDeliveryList, WebhookResponse } from './schemas.js';
import { deliveryView, isMaskedSecret, maskedSecret, webhookView } from './views.js';

/**
 * `/v1/webhooks`: subscriptions to segment and loyalty events, signed per Standard Webhooks, and
 * how their deliveries went.
 */
export function registerWebhookRoutes(parent: FastifyInstance, webhooks: WebhookService): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();

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
      const { id } = request.params;
      const secret = await secretToKeep(webhooks, id, request.body.secret);
      const webhook = await webhooks.put({ id, ...request.body, secret }, ifMatchOf(request));
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
        response: { 200: WebhookDeliveryList, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => ({ items: (await webhooks.deliveries(request.params.id)).map(deliveryView) }),
  );
}

/** The secret to store: a full one as sent; the masked one a GET answered keeps the webhook's own. */
async function secretToKeep(webhooks: WebhookService, id: string, sent: string): Promise<string> {
  if (!isMaskedSecret(sent)) return sent;
  const current = await webhooks.get(id).catch(() => undefined);
  if (current === undefined || maskedSecret(current.secret) !== sent) {
    throw new HttpProblem(
      'invalid_value',
      'a masked secret keeps the webhook’s current one, and it is not this webhook’s; send the full secret',
      { pointer: '/secret', in: 'body' },
    );
  }
  return current.secret;
}
