import { Type } from '@sinclair/typebox';

/** The public contract's limit: a batch holds up to 500 events (and 4 MB). */
export const MAX_BATCH_EVENTS = 500;

/** One Segment-spec event: open, as the spec is; ingestion checks what it reads. */
export const AnyEvent = Type.Object(
  {},
  { additionalProperties: true, description: 'a Segment-spec event; see docs' },
);

/** `POST /v1/batch` body: Segment's batch envelope. */
export const BatchEnvelope = Type.Object(
  {
    batch: Type.Array(Type.Unknown(), { description: `up to ${MAX_BATCH_EVENTS} events` }),
    writeKey: Type.Optional(Type.String()),
    sentAt: Type.Optional(Type.Unknown()),
    context: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: true },
);

const Rejected = Type.Object({
  index: Type.Integer(),
  code: Type.String(),
  pointer: Type.String(),
  detail: Type.String(),
});

const Ignored = Type.Object({
  index: Type.Integer(),
  reason: Type.Literal('customer_token_required'),
  pointer: Type.String({
    description: 'the part left out: /context/consent, /traits, /anonymousId, /previousId',
  }),
});

/** What ingestion accepted, what it rejected and why, and what parts of accepted events it left out. */
export const IngestAnswer = Type.Object({
  accepted: Type.Integer(),
  rejected: Type.Array(Rejected),
  ignored: Type.Array(Ignored, {
    description: "a known customer's consent, traits or id links, sent without their customer token",
  }),
});
