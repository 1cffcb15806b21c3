import { Type, type Static } from '@sinclair/typebox';
import { Backfill, CurrencyCode, Id, StrictObject, Timestamp } from '../common-schemas.js';

export const SegmentBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  rule: Type.Unknown({
    description:
      'a rule node: { all: [..] } | { any: [..] } | { not: node } | { trait: "traits.country", op, value } | ' +
      '{ event: "Order Completed", within: "30d", where?: {...}, count?: { gte: 2 } | sum?: { property, gte } } | ' +
      '{ context: "device", op, value } | { segment: "other-id" }; ops: eq neq in nin gt gte lt lte exists contains startsWith',
  }),
});
export type SegmentBody = Static<typeof SegmentBody>;

export const SegmentResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  rule: Type.Unknown(),
  version: Type.Integer(),
  updatedAt: Timestamp,
  backfill: Type.Optional(Backfill),
  members: Type.Optional(Type.Integer({ description: 'current member count' })),
  contextual: Type.Boolean({
    description: 'reads the request context: evaluated at decision time, never stored',
  }),
});

export const MemberPage = Type.Object({
  items: Type.Array(
    Type.Object({
      userId: Type.Union([Type.String(), Type.Null()]),
      anonymousIds: Type.Array(Type.String()),
      since: Timestamp,
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const Tier = StrictObject({
  id: Id,
  minPoints: Type.Optional(Type.Integer({ minimum: 0 })),
  minSpend: Type.Optional(Type.Integer({ minimum: 0, description: 'minor units spent within spendWindow' })),
  perks: Type.Record(Type.String(), Type.Unknown(), {
    description: 'read by pricing and promotions, e.g. { percentOff: 5 }',
  }),
});

export const LoyaltyBody = StrictObject({
  currency: CurrencyCode,
  pointsPerUnit: Type.Number({
    exclusiveMinimum: 0,
    maximum: 10_000,
    description: 'points per whole currency unit spent',
  }),
  spendWindow: Type.Optional(Type.String({ description: 'rolling window for minSpend tiers, e.g. 365d' })),
  tiers: Type.Array(Tier, { minItems: 1, maxItems: 20, description: 'from the lowest tier up' }),
});
export type LoyaltyBody = Static<typeof LoyaltyBody>;

export const LoyaltyResponse = Type.Object(
  { ...LoyaltyBody.properties, backfill: Type.Optional(Backfill) },
  { additionalProperties: false },
);

export const WebhookBody = StrictObject({
  url: Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' }),
  events: Type.Array(
    Type.Union([
      Type.Literal('segment.entered'),
      Type.Literal('segment.exited'),
      Type.Literal('loyalty.tier_changed'),
    ]),
    { minItems: 1, uniqueItems: true },
  ),
  secret: Type.String({
    pattern: '^whsec_[A-Za-z0-9+/]{32,}={0,2}$',
    description: 'Standard Webhooks secret: whsec_ + base64 of 24 or more bytes',
  }),
});
export type WebhookBody = Static<typeof WebhookBody>;

export const WebhookResponse = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  secret: Type.String({ description: 'shown masked' }),
  version: Type.Integer(),
  updatedAt: Timestamp,
});

export const DeliveryList = Type.Object({
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
