import { Type, type Static } from '@sinclair/typebox';
import { ExperimentEntries, Id, RequestContext, StrictObject, Timestamp } from '../common-schemas.js';

const Values = Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { maxItems: 1_000 });

const Variant = StrictObject({
  id: Id,
  audience: Type.Optional(
    StrictObject(
      {
        segments: Type.Optional(Values),
        loyaltyTiers: Type.Optional(Values),
        countries: Type.Optional(Values),
        devices: Type.Optional(Values),
        channels: Type.Optional(Values),
        pageTypes: Type.Optional(Values),
      },
      { description: 'every non-empty field must match; within a field any value may; none: everyone' },
    ),
  ),
  priority: Type.Optional(
    Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'higher wins; default 0' }),
  ),
  startsAt: Type.Optional(Timestamp),
  endsAt: Type.Optional(Timestamp),
  payload: Type.Unknown({ description: 'any JSON the storefront renders: a banner, a collection id, ...' }),
});

/** `PUT /v1/content/slots/{slot}` body: the variants, one of them the default. */
export const ContentSlotBody = StrictObject({
  variants: Type.Array(Variant, {
    minItems: 1,
    maxItems: 100,
    description: 'one must have no audience and no schedule: the default',
  }),
});
export type ContentSlotBody = Static<typeof ContentSlotBody>;

/** `/v1/content/slots/{slot}` path. */
export const ContentSlotParams = StrictObject({ slot: Id });

/** A content slot as stored. */
export const ContentSlotResponse = Type.Object({
  id: Type.String(),
  variants: Type.Array(Type.Unknown()),
  version: Type.Integer(),
  updatedAt: Type.String(),
});

/** `POST /v1/content:resolve` body: the customer and the slots the page shows. */
export const ContentResolveBody = StrictObject({
  userId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  anonymousId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  context: Type.Optional(RequestContext),
  slots: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
});

/** The variant a slot shows a customer now, and why (read by decide too). */
export const ResolvedContent = Type.Object({
  variantId: Type.String(),
  payload: Type.Unknown(),
  reason: Type.String(),
});

/** `POST /v1/content:resolve` answer, by slot. */
export const ContentResolveResponse = Type.Object({
  slots: Type.Record(Type.String(), ResolvedContent),
  experiments: Type.Optional(ExperimentEntries),
});
