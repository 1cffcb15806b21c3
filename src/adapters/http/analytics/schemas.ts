import { Type } from '@sinclair/typebox';
import { SERIES_METRICS } from '../../../app/analytics/analytics-service.js';
import { Id, Money, StrictObject, Timestamp } from '../common-schemas.js';

const Range = {
  from: Type.Optional({
    ...Timestamp,
    description: 'Start (inclusive, rounded down to its UTC day); default: 30 days before `to`',
  }),
  to: Type.Optional({ ...Timestamp, description: 'End (exclusive, rounded up to a UTC day); default: now' }),
};

export const OverviewQuery = StrictObject(Range);

export const TimeseriesQuery = StrictObject({
  metric: Type.Union(
    SERIES_METRICS.map((metric) => Type.Literal(metric)),
    {
      description: 'Money metrics (`revenue`, `discountCost`) are in minor units of the store currency',
    },
  ),
  segment: Type.Optional({ ...Id, description: 'The segment whose size `segment_size` shows (only then)' }),
  interval: Type.Optional(Type.Literal('day', { description: 'Only `day`' })),
  ...Range,
});

const Count = Type.Integer({ minimum: 0 });
const Ratio = Type.Number({ minimum: 0 });

export const OverviewResponse = Type.Object({
  from: Timestamp,
  to: Timestamp,
  impressions: Count,
  clicks: Count,
  ctr: Ratio,
  attributedOrders: Count,
  attributedRevenue: Money,
  discountCost: Money,
  discountByPromotion: Type.Array(Type.Object({ promotionId: Id, discountCost: Money })),
  bySlot: Type.Array(
    Type.Object({
      slot: Type.String(),
      strategy: Type.String(),
      impressions: Count,
      clicks: Count,
      ctr: Ratio,
      attributedRevenue: Money,
    }),
  ),
  holdout: Type.Optional(
    Type.Object({
      experimentId: Id,
      metric: Type.String(),
      uplift: Type.Number(),
      ci95: Type.Tuple([Type.Number(), Type.Number()]),
    }),
  ),
  segments: Type.Array(Type.Object({ segmentId: Id, members: Count }), {
    description: 'every segment and its member count now, whatever the range',
  }),
});

export const TimeseriesResponse = Type.Object({
  metric: Type.String(),
  interval: Type.Literal('day'),
  points: Type.Array(Type.Object({ at: Timestamp, value: Type.Number() })),
});
