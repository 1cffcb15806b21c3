import { Type, type Static } from '@sinclair/typebox';
import { Backfill, CurrencyCode, Id, StrictObject } from '../common-schemas.js';

const LoyaltyTier = StrictObject({
  id: Id,
  minPoints: Type.Optional(Type.Integer({ minimum: 0 })),
  minSpend: Type.Optional(Type.Integer({ minimum: 0, description: 'minor units spent within spendWindow' })),
  perks: Type.Record(Type.String(), Type.Unknown(), {
    description: 'read by pricing and promotions, e.g. { percentOff: 5 }',
  }),
});

/** `PUT /v1/loyalty/program` body. */
export const LoyaltyBody = StrictObject({
  currency: CurrencyCode,
  pointsPerUnit: Type.Number({
    exclusiveMinimum: 0,
    maximum: 10_000,
    description: 'points per whole currency unit spent',
  }),
  spendWindow: Type.Optional(Type.String({ description: 'rolling window for minSpend tiers, e.g. 365d' })),
  tiers: Type.Array(LoyaltyTier, { minItems: 1, maxItems: 20, description: 'from the lowest tier up' }),
});
export type LoyaltyBody = Static<typeof LoyaltyBody>;

/** The loyalty program as answered, with the back-fill it started. */
export const LoyaltyResponse = Type.Object(
  { ...LoyaltyBody.properties, backfill: Type.Optional(Backfill) },
  { additionalProperties: false },
);
