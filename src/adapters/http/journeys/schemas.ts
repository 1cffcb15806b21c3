import { Type, type Static } from '@sinclair/typebox';
import { Id, StrictObject, Timestamp } from '../common-schemas.js';

const Duration = Type.String({
  pattern: '^(0|\\d{1,6}[smhdw])$',
  description: 'a duration such as 30m, 2h, 14d or 2w ("0": none)',
});
const Slot = Type.String({ pattern: '^[A-Za-z0-9._:-]{1,128}$' });

const Trigger = StrictObject(
  {
    event: Type.Optional(
      Type.String({ maxLength: 200, description: 'Order Completed, Order Refunded or Product Added' }),
    ),
    abandonedCart: Type.Optional(StrictObject({ after: Duration })),
    segmentEntered: Type.Optional(Id),
    segmentExited: Type.Optional(Id),
    tierChanged: Type.Optional(Type.Literal(true)),
    quietFor: Type.Optional(Duration),
  },
  { minProperties: 1, maxProperties: 1, description: 'what starts the journey for a customer: one kind' },
);

const Step = StrictObject({
  id: Id,
  delay: Type.Optional(
    Type.Union([Duration], { description: 'after the previous step (the trigger); up to 12w' }),
  ),
  webhookId: Id,
  coupon: Type.Optional(StrictObject({ promotionId: Id, expiresIn: Duration })),
  recommendations: Type.Optional(
    StrictObject({
      strategy: Type.String({ maxLength: 64 }),
      limit: Type.Integer({ minimum: 1, maximum: 20 }),
    }),
  ),
  content: Type.Optional(Type.Array(Slot, { maxItems: 10, uniqueItems: true })),
});

/** `PUT /v1/journeys/{id}` body. */
export const JourneyBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  status: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
  trigger: Trigger,
  audience: Type.Optional(
    StrictObject(
      { segments: Type.Optional(Type.Array(Id, { maxItems: 100, uniqueItems: true })) },
      { description: 'a customer in any of these segments; none: everyone' },
    ),
  ),
  holdoutPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, description: 'default 0' })),
  attributionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'default 7' })),
  steps: Type.Array(Step, { minItems: 1, maxItems: 10 }),
});
export type JourneyBody = Static<typeof JourneyBody>;

/** A journey as stored. */
export const JourneyResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  trigger: Type.Unknown(),
  audience: Type.Optional(Type.Unknown()),
  holdoutPercent: Type.Integer(),
  attributionDays: Type.Integer(),
  steps: Type.Array(Type.Unknown()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});

const Figures = Type.Object({}, { additionalProperties: true });

/** `GET /v1/journeys/{id}/stats`. */
export const JourneyStatsResponse = Type.Object({
  journeyId: Type.String(),
  steps: Type.Array(
    Type.Object({
      stepId: Type.String(),
      pending: Type.Integer(),
      sent: Type.Integer(),
      heldOut: Type.Integer(),
      skipped: Type.Record(Type.String(), Type.Integer(), { description: 'by reason' }),
      couponsRedeemed: Type.Integer(),
      orders: Type.Integer(),
      revenue: Type.Object({ amount: Type.Integer(), currency: Type.String() }),
    }),
  ),
  holdout: Type.Optional(
    Type.Object({
      messaged: Figures,
      heldOut: Figures,
    }),
  ),
});

/** `POST /v1/journeys/{id}:simulate` body. */
export const SimulateBody = StrictObject({
  userId: Type.String({ minLength: 1, maxLength: 256 }),
  at: Type.Optional(Timestamp),
});
export type SimulateBody = Static<typeof SimulateBody>;

/** What the simulated customer would get, and whether it would be sent. */
export const SimulationResponse = Type.Object({
  journeyId: Type.String(),
  userId: Type.String(),
  at: Type.String(),
  decision: Type.Object(
    { action: Type.String(), reason: Type.Optional(Type.String()), until: Type.Optional(Type.Number()) },
    { description: 'send, hold_out, skip (with its reason) or defer (quiet hours)' },
  ),
  message: Type.Object({}, { additionalProperties: true }),
});

/** `GET /v1/journeys/messages/{userId}/last`: the last message a customer was sent. */
export const LastMessageResponse = Type.Object({
  message: Type.Union([
    Type.Object({ messageId: Type.String(), sentAt: Type.String(), payload: Type.Unknown() }),
    Type.Null(),
  ]),
});
