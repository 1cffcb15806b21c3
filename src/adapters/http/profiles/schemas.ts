import { Type, type Static } from '@sinclair/typebox';
import { StrictObject } from '../common-schemas.js';

/** A userId or an anonymousId: any short string without control characters (emails are common). */
export const CustomerId = Type.String({ minLength: 1, maxLength: 256, pattern: '^[^\\u0000-\\u001f]+$' });

/** `/v1/profiles/{id}` path: a userId or an anonymousId. */
export const CustomerIdParams = StrictObject({ id: CustomerId });

/** `PUT /v1/profiles/{id}/consent` body: at least one purpose. */
export const ConsentBody = StrictObject(
  {
    personalization: Type.Optional(Type.Boolean()),
    analytics: Type.Optional(Type.Boolean()),
    marketing: Type.Optional(Type.Boolean({ description: 'messages journeys send (e-mail, push)' })),
  },
  { minProperties: 1 },
);
export type ConsentBody = Static<typeof ConsentBody>;

const Money = Type.Record(Type.String(), Type.Integer(), { description: 'minor units per currency' });
const Scored = Type.Array(Type.Object({ key: Type.String(), score: Type.Number() }));
const NullableTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** `GET /v1/profiles/{id}`: fields may grow, none may be renamed (docs/api.md). */
export const ProfileResponse = Type.Object({
  userId: Type.Union([Type.String(), Type.Null()]),
  anonymousIds: Type.Array(Type.String()),
  traits: Type.Record(Type.String(), Type.Unknown()),
  computed: Type.Object({
    orderCount: Type.Integer(),
    lifetimeValue: Money,
    averageOrderValue: Money,
    firstOrderAt: NullableTime,
    lastOrderAt: NullableTime,
    firstSeenAt: NullableTime,
    lastSeenAt: NullableTime,
    rfm: Type.Union([
      Type.Object({ recency: Type.Integer(), frequency: Type.Integer(), monetary: Type.Integer() }),
      Type.Null(),
    ]),
    affinities: Type.Object({ categories: Scored, brands: Scored }),
    recentlyViewed: Type.Array(Type.String()),
    cart: Type.Object({
      items: Type.Array(Type.Object({ productId: Type.String(), quantity: Type.Number() })),
    }),
    preferredChannel: Type.Union([Type.String(), Type.Null()]),
    preferredDevice: Type.Union([Type.String(), Type.Null()]),
  }),
  segments: Type.Array(Type.String()),
  loyalty: Type.Object({
    points: Type.Integer(),
    tier: Type.Union([Type.String(), Type.Null()]),
    next: Type.Union([
      Type.Object({
        tier: Type.String(),
        pointsNeeded: Type.Optional(Type.Integer()),
        spendNeeded: Type.Optional(Type.Integer()),
      }),
      Type.Null(),
    ]),
  }),
  consent: Type.Object({ personalization: Type.Boolean(), analytics: Type.Boolean() }),
});

/** `DELETE /v1/profiles/{id}` answer: what was erased. */
export const ErasureReceipt = Type.Object({
  receiptId: Type.String(),
  userId: Type.String(),
  erasedAt: Type.String({ format: 'date-time' }),
  removed: Type.Object({
    profiles: Type.Integer(),
    identities: Type.Integer(),
    events: Type.Integer(),
    orders: Type.Integer(),
  }),
});

/** `POST /v1/customer-tokens` body. */
export const CustomerTokenBody = StrictObject({
  userId: CustomerId,
  ttlSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 30 * 86_400, description: 'default 3600' })),
});
export type CustomerTokenBody = Static<typeof CustomerTokenBody>;

/** `POST /v1/customer-tokens:revoke` body. */
export const RevokeTokensBody = StrictObject({ userId: CustomerId });

/** Which customer's tokens stopped counting, and from when. */
export const RevokeTokensResponse = Type.Object({
  userId: Type.String(),
  revokedBefore: Type.String({ format: 'date-time', description: 'tokens issued before this are refused' }),
});

/** A customer token and when it expires. */
export const CustomerTokenResponse = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
