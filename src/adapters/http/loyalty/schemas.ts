import { Type, type Static } from '@sinclair/typebox';
import { MAX_AMOUNT } from '../../../domain/shared/index.js';
import { Backfill, CurrencyCode, Id, StrictObject } from '../common-schemas.js';
import { ERROR_CODE_KEYWORD } from '../validation.js';

const LoyaltyTier = StrictObject({
  id: Id,
  minPoints: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 })),
  minSpend: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_AMOUNT,
      [ERROR_CODE_KEYWORD]: 'invalid_money',
      description: 'minor units spent within spendWindow',
    }),
  ),
  // The perks Attune reads are typed and bounded; a storefront may keep its own beside them.
  perks: Type.Object(
    {
      percentOff: Type.Optional(
        Type.Number({ minimum: 0, maximum: 100, description: 'percent off every price for this tier' }),
      ),
    },
    { additionalProperties: true, description: 'read by pricing and promotions, e.g. { percentOff: 5 }' },
  ),
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
