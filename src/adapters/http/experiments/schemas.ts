import { Type, type Static } from '@sinclair/typebox';
import { EXPERIMENT_METRICS } from '../../../domain/experiments/index.js';
import { STRATEGIES } from '../../../domain/recommendations/index.js';
import { Id, StrictObject, Timestamp } from '../common-schemas.js';

const Values = Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 1_000 });
const Ids = Type.Array(Id, { maxItems: 100, uniqueItems: true });
const Metric = Type.Union(EXPERIMENT_METRICS.map((metric) => Type.Literal(metric)));
const Weight = Type.Number({ minimum: 0, maximum: 100 });
const Toggles = StrictObject({ enable: Type.Optional(Ids), disable: Type.Optional(Ids) });

const Changes = StrictObject(
  {
    recommendations: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[A-Za-z0-9._:-]{1,128}$' }),
        StrictObject({ strategy: Type.Union(STRATEGIES.map((strategy) => Type.Literal(strategy))) }),
        { maxProperties: 50, description: 'by the page’s slot name: the strategy that slot uses instead' },
      ),
    ),
    listingWeights: Type.Optional(
      StrictObject({
        relevance: Type.Optional(Weight),
        affinity: Type.Optional(Weight),
        popularity: Type.Optional(Weight),
        margin: Type.Optional(Weight),
      }),
    ),
    content: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z0-9._:-]{1,128}$' }), Id, {
        maxProperties: 50,
        description: 'by content slot: the variant id shown, whatever its audience',
      }),
    ),
    promotions: Type.Optional(Toggles),
    priceLists: Type.Optional(Toggles),
    personalization: Type.Optional(
      Type.Literal(false, { description: 'the holdout: the answer a visitor with no personalisation gets' }),
    ),
  },
  { description: 'what the variant changes; the control usually changes nothing' },
);

const Variant = StrictObject({
  id: Id,
  weight: Type.Integer({ minimum: 0, maximum: 100, description: 'whole percent; all weights sum to 100' }),
  changes: Changes,
});

/** `PUT /v1/experiments/{id}` body. */
export const ExperimentBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  status: Type.Union([Type.Literal('draft'), Type.Literal('running'), Type.Literal('stopped')]),
  layer: Type.Optional(Id),
  layerSlice: Type.Optional(
    StrictObject(
      { from: Type.Integer({ minimum: 0, maximum: 100 }), to: Type.Integer({ minimum: 0, maximum: 100 }) },
      {
        description:
          'the part of the layer’s units this experiment takes, percent; default the first free one',
      },
    ),
  ),
  seed: Type.Optional(
    Type.String({ minLength: 1, maxLength: 128, description: 'default the experiment id' }),
  ),
  trafficPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'default 100' })),
  audience: Type.Optional(
    StrictObject(
      {
        segments: Type.Optional(Values),
        countries: Type.Optional(Values),
        channels: Type.Optional(Values),
        devices: Type.Optional(Values),
      },
      { description: 'every non-empty field must match; within a field any value may; none: everyone' },
    ),
  ),
  startsAt: Type.Optional(Timestamp),
  endsAt: Type.Optional(Timestamp),
  metric: Metric,
  guardrails: Type.Optional(Type.Array(Metric, { maxItems: 4 })),
  variants: Type.Array(Variant, {
    minItems: 1,
    maxItems: 20,
    description: 'the first is the control; weights sum to 100',
  }),
});
export type ExperimentBody = Static<typeof ExperimentBody>;

const Comparison = Type.Object({
  metric: Type.String(),
  uplift: Type.Number({ description: 'relative: 0.12 is +12 %' }),
  ci95: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
  pValue: Type.Number(),
  cuped: Type.Optional(Type.Object({ varianceReduction: Type.Number() })),
});

/** `GET /v1/experiments/{id}/results`: each variant's figures and, beside the control, its uplift. */
export const ExperimentResultsResponse = Type.Object({
  experimentId: Type.String(),
  status: Type.String(),
  enoughData: Type.Boolean(),
  srm: Type.Object({ pValue: Type.Number(), flagged: Type.Boolean() }),
  variants: Type.Array(
    Type.Object({
      id: Type.String(),
      units: Type.Integer(),
      conversions: Type.Integer(),
      conversionRate: Type.Number(),
      orders: Type.Integer(),
      revenue: Type.Object({ amount: Type.Integer(), currency: Type.String() }),
      revenuePerUnit: Type.Number({ description: 'minor units, may be fractional' }),
      aov: Type.Number({ description: 'minor units, may be fractional' }),
      clicks: Type.Integer(),
      ctr: Type.Number(),
      vsControl: Type.Optional(Comparison),
    }),
  ),
});

/** An experiment as stored. */
export const ExperimentResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  layer: Type.Optional(Type.String()),
  layerSlice: Type.Optional(Type.Object({ from: Type.Integer(), to: Type.Integer() })),
  seed: Type.String(),
  trafficPercent: Type.Integer(),
  audience: Type.Optional(Type.Unknown()),
  startsAt: Type.Optional(Type.String()),
  endsAt: Type.Optional(Type.String()),
  stoppedAt: Type.Optional(
    Type.String({ description: 'when it was stopped; orders and clicks from then on count for no variant' }),
  ),
  metric: Type.String(),
  guardrails: Type.Array(Type.String()),
  variants: Type.Array(Type.Unknown()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
