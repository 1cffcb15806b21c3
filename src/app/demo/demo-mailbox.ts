import { timingSafeEqual } from 'node:crypto';
import { Webhook as Signer } from 'standardwebhooks';
import type { Clock } from '../../ports/clock.js';

/** A `journey.message` the mailbox accepted: its signature checked, its payload as sent. */
export interface MailboxMessage {
  /** The Standard Webhooks `webhook-id` (the journey message's id, the same on every retry). */
  readonly messageId: string;
  /** ISO 8601: when the mailbox accepted it. */
  readonly receivedAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Why a delivery was turned away (the mailbox answers 400 or 401 with it, so the sender retries). */
export type MailboxRefusal = 'bad_signature' | 'stale_timestamp' | 'not_a_journey_message';

/** How far a delivery's timestamp may be from the mailbox's clock, as the Standard Webhooks libraries allow. */
const TOLERANCE_MS = 5 * 60_000;
/** Messages kept per customer, newest first; and customers kept, the longest unwritten dropped first. */
const PER_CUSTOMER = 5;
const CUSTOMERS = 1_000;

/**
 * The demo's stand-in for a merchant's e-mail provider: it receives the demo journeys'
 * `journey.message` webhooks over HTTP like any receiver, verifies each signature with the secret
 * it shares with the webhook (on the node's clock, so a test's manual clock agrees with the
 * sender's timestamps), and keeps the last few messages per customer, in memory only.
 */
export class DemoMailbox {
  readonly #byUser = new Map<string, MailboxMessage[]>();

  constructor(
    private readonly secret: string,
    private readonly clock: Clock,
  ) {}

  /** The secret the demo's webhook is registered with (`whsec_…`). */
  get webhookSecret(): string {
    return this.secret;
  }

  /**
   * Accepts one delivery: `body` exactly as it came over the wire, and its three headers.
   * A message delivered again (a retry whose answer was lost) replaces its earlier copy.
   */
  receive(
    headers: { id?: string; timestamp?: string; signature?: string },
    body: string,
  ): { accepted: true } | { accepted: false; reason: MailboxRefusal } {
    const { id, timestamp, signature } = headers;
    const seconds = Number(timestamp);
    if (id === undefined || signature === undefined || !Number.isSafeInteger(seconds))
      return { accepted: false, reason: 'bad_signature' };
    if (Math.abs(this.clock.now() - seconds * 1000) > TOLERANCE_MS)
      return { accepted: false, reason: 'stale_timestamp' };
    const expected = Buffer.from(new Signer(this.secret).sign(id, new Date(seconds * 1000), body));
    // The header may list several signatures (during a secret rotation): one matching is enough.
    const matches = signature.split(' ').some((candidate) => {
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!matches) return { accepted: false, reason: 'bad_signature' };
    const message = parseJourneyMessage(body);
    if (message === undefined) return { accepted: false, reason: 'not_a_journey_message' };
    this.#keep(message.userId, {
      messageId: id,
      receivedAt: new Date(this.clock.now()).toISOString(),
      data: message.data,
    });
    return { accepted: true };
  }

  /** The newest message the customer was sent, or undefined. */
  last(userId: string): MailboxMessage | undefined {
    return this.#byUser.get(userId)?.[0];
  }

  #keep(userId: string, message: MailboxMessage): void {
    const earlier = (this.#byUser.get(userId) ?? []).filter((kept) => kept.messageId !== message.messageId);
    this.#byUser.delete(userId);
    this.#byUser.set(userId, [message, ...earlier].slice(0, PER_CUSTOMER));
    const oldest = this.#byUser.keys().next().value;
    if (this.#byUser.size > CUSTOMERS && oldest !== undefined) this.#byUser.delete(oldest);
  }
}

function parseJourneyMessage(
  body: string,
): { userId: string; data: Readonly<Record<string, unknown>> } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { type, data } = parsed as { type?: unknown; data?: unknown };
  if (type !== 'journey.message' || typeof data !== 'object' || data === null) return undefined;
  const { userId } = data as { userId?: unknown };
  return typeof userId === 'string' ? { userId, data: data as Record<string, unknown> } : undefined;
}
