import { Type, type Static } from '@sinclair/typebox';
import { Backfill, StrictObject, Timestamp } from '../common-schemas.js';

/** `PUT /v1/segments/{id}` body. */
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

/** A segment as answered: its back-fill, member count and whether it reads the request context. */
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

/** `GET /v1/segments/{id}/members` answer. */
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
