import { Type, type Static } from '@sinclair/typebox';
import { StrictObject, Timestamp } from '../common-schemas.js';

/** `PUT /v1/webhooks/{id}` body. */
export const WebhookBody = StrictObject({
  url: Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' }),
  events: Type.Array(
    Type.Union([
      Type.Literal('segment.entered'),
      Type.Literal('segment.exited'),
      Type.Literal('loyalty.tier_changed'),
      Type.Literal('journey.message'),
    ]),
    { minItems: 1, uniqueItems: true },
  ),
  secret: Type.String({
    pattern: '^whsec_(?:[A-Za-z0-9+/]{32,}={0,2}|[A-Za-z0-9+/]{4}…)$',
    description:
      'Standard Webhooks secret: whsec_ + base64 of 24 or more bytes. The masked secret a GET answers ' +
      '(whsec_ and four characters, then …) keeps the current one, so a read webhook can be written back.',
  }),
});
export type WebhookBody = Static<typeof WebhookBody>;

/** A webhook as answered: its secret masked. */
export const WebhookResponse = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  secret: Type.String({ description: 'shown masked' }),
  version: Type.Integer(),
  updatedAt: Timestamp,
});

/** `GET /v1/webhooks/{id}/deliveries` answer. */
export const WebhookDeliveryList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.String(),
      attempts: Type.Integer(),
      createdAt: Timestamp,
      deliveredAt: Type.Union([Timestamp, Type.Null()]),
      lastError: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
