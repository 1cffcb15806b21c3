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

/** What ingestion accepted, and what it rejected and why. */
export const IngestAnswer = Type.Object({ accepted: Type.Integer(), rejected: Type.Array(Rejected) });
