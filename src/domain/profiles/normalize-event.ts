import { findUnstorable, type CurrencyCode } from '../shared/index.js';
import {
  EVENT_TYPES,
  SERVER_ONLY_EVENTS,
  type ConsentAnswer,
  type EventType,
  type TrackedEvent,
} from './event.js';
import { EventRejection, isRecord, pick, reject, type EventProblem } from './event-problem.js';
import { commerceEventNamed, readCommerce } from './read-commerce.js';

/** Limits and facts the reader needs; all explicit, nothing read from the clock. */
export interface EventReadOptions {
  /** When the event arrived (epoch ms). */
  readonly receivedAt: number;
  readonly storeCurrency: CurrencyCode;
  /** Sent with a secret key (from the merchant's server), which alone may send order events. */
  readonly fromServer: boolean;
  /** The messageId to use when the event has none. */
  readonly fallbackMessageId: string;
  /** How far ahead of `receivedAt` a timestamp may be (client clocks drift). */
  readonly maxClockSkewMs?: number;
  /** A batch envelope's `context` and `sentAt`, which apply to each of its events. */
  readonly envelope?: { readonly context?: unknown; readonly sentAt?: unknown };
  readonly maxBytes?: number;
}

export type EventReadResult =
  | { readonly ok: true; readonly event: TrackedEvent }
  | { readonly ok: false; readonly problem: EventProblem };

const MAX_EVENT_BYTES = 128 * 1024;
const MAX_ID_LENGTH = 256;
const DEFAULT_SKEW_MS = 5 * 60_000;
// ISO 8601 date-time with a time zone (Z or ±hh:mm), optional fractional seconds.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Validates and normalises one Segment-spec event (track, identify, page, screen, group, alias).
 * Free-form fields are kept as sent; ids, timestamps, e-commerce money and quantities are checked,
 * and every refusal names a stable code and the offending field.
 */
export function readEvent(raw: unknown, options: EventReadOptions): EventReadResult {
  try {
    return { ok: true, event: read(raw, options) };
  } catch (error) {
    if (error instanceof EventRejection) return { ok: false, problem: error.problem };
    throw error;
  }
}

function read(raw: unknown, options: EventReadOptions): TrackedEvent {
  if (!isRecord(raw)) reject('invalid_event', '', 'an event must be a JSON object');
  if (utf8Length(JSON.stringify(raw)) > (options.maxBytes ?? MAX_EVENT_BYTES)) {
    reject(
      'event_too_large',
      '',
      `an event may be at most ${(options.maxBytes ?? MAX_EVENT_BYTES) / 1024} KB`,
    );
  }
  // Checked before anything is read: an id, a name or a property no store can keep must refuse this
  // event alone, not fail the commit it would share with other requests.
  const unstorable = findUnstorable(raw);
  if (unstorable?.kind === 'text')
    reject('invalid_text', unstorable.pointer, 'a string holds a NUL character or an unpaired surrogate');
  if (unstorable?.kind === 'number')
    reject('invalid_event', unstorable.pointer, 'a number is too large (or not a number) for JSON');
  const type = raw['type'];
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    reject('unknown_event_type', '/type', `type must be one of ${EVENT_TYPES.join(', ')}`);
  }
  const userId = readId(raw, 'userId');
  const anonymousId = readId(raw, 'anonymousId');
  if (userId === undefined && anonymousId === undefined)
    reject('missing_id', '/userId', 'an event needs a userId or an anonymousId');
  const properties = readObject(raw, 'properties');
  const traits = readObject(raw, 'traits');
  const context = {
    ...(isRecord(options.envelope?.context) ? options.envelope.context : {}),
    ...readObject(raw, 'context'),
  };
  const event = readName(raw, type as EventType);
  const commerceName = type === 'track' && event !== undefined ? commerceEventNamed(event) : undefined;
  if (commerceName !== undefined && SERVER_ONLY_EVENTS.has(commerceName) && !options.fromServer) {
    reject(
      'server_event_only',
      '/event',
      `${commerceName} is accepted only with a secret key, from the merchant's server`,
    );
  }
  const commerce =
    commerceName === undefined ? undefined : readCommerce(commerceName, properties, options.storeCurrency);
  const previousId = type === 'alias' ? readId(raw, 'previousId') : undefined;
  if (type === 'alias' && (previousId === undefined || userId === undefined)) {
    reject('missing_id', '/previousId', 'alias needs previousId and userId');
  }
  const groupId = type === 'group' ? readId(raw, 'groupId') : undefined;
  const consent = readConsent(context);
  return {
    messageId: readMessageId(raw, options.fallbackMessageId),
    type: type as EventType,
    ...(event !== undefined && { event: commerceName ?? event }),
    ...(userId !== undefined && { userId }),
    ...(anonymousId !== undefined && { anonymousId }),
    ...(previousId !== undefined && { previousId }),
    ...(groupId !== undefined && { groupId }),
    timestamp: new Date(readTimestamp(raw, options)).toISOString(),
    receivedAt: new Date(options.receivedAt).toISOString(),
    properties,
    traits: type === 'identify' || type === 'group' ? traits : {},
    context,
    ...(commerce !== undefined && { commerce }),
    ...(consent !== undefined && { consent }),
  };
}

function readId(raw: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = raw[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string' || value.length > MAX_ID_LENGTH || hasControlCharacter(value)) {
    reject(
      'invalid_user_id',
      `/${field}`,
      `${field} must be a string of at most ${MAX_ID_LENGTH} characters`,
    );
  }
  return value;
}

function readMessageId(raw: Readonly<Record<string, unknown>>, fallback: string): string {
  const value = raw['messageId'];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value !== 'string' || value.length > MAX_ID_LENGTH) {
    reject(
      'invalid_event',
      '/messageId',
      `messageId must be a string of at most ${MAX_ID_LENGTH} characters`,
    );
  }
  return value;
}

function readName(raw: Readonly<Record<string, unknown>>, type: EventType): string | undefined {
  const field = type === 'track' ? 'event' : 'name';
  const value = raw[field];
  if (type === 'track' && (typeof value !== 'string' || value.trim() === '')) {
    reject('missing_event_name', '/event', 'a track call needs an event name');
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > 200)
    reject('invalid_event', `/${field}`, `${field} must be a string of at most 200 characters`);
  return value;
}

function readObject(
  raw: Readonly<Record<string, unknown>>,
  field: string,
): Readonly<Record<string, unknown>> {
  const value = raw[field];
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) reject('invalid_event', `/${field}`, `${field} must be an object`);
  return value;
}

/**
 * The event's time: `timestamp`, else Segment's skew correction `receivedAt - (sentAt - originalTimestamp)`,
 * else the arrival time. Not ISO 8601, or too far in the future: refused.
 */
function readTimestamp(raw: Readonly<Record<string, unknown>>, options: EventReadOptions): number {
  const parse = (field: string, value: unknown): number | undefined => {
    if (value === undefined || value === null) return undefined;
    const time = typeof value === 'string' && ISO_8601.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time))
      reject('invalid_timestamp', `/${field}`, `${field} must be an ISO 8601 date-time with a time zone`);
    return time;
  };
  const timestamp = parse('timestamp', raw['timestamp']);
  const original = parse('originalTimestamp', raw['originalTimestamp']);
  const sentAt =
    parse('sentAt', raw['sentAt']) ??
    (raw['sentAt'] === undefined ? parse('sentAt', options.envelope?.sentAt) : undefined);
  const time =
    timestamp ??
    (original !== undefined && sentAt !== undefined
      ? options.receivedAt - (sentAt - original)
      : (original ?? options.receivedAt));
  if (time > options.receivedAt + (options.maxClockSkewMs ?? DEFAULT_SKEW_MS)) {
    reject(
      'timestamp_in_future',
      timestamp !== undefined ? '/timestamp' : '/originalTimestamp',
      'the event is dated in the future',
    );
  }
  return time;
}

/** `context.consent` as Attune writes it, or Segment's `context.consent.categoryPreferences`. */
function readConsent(context: Readonly<Record<string, unknown>>): ConsentAnswer | undefined {
  const consent = context['consent'];
  if (!isRecord(consent)) return undefined;
  const source = isRecord(consent['categoryPreferences']) ? consent['categoryPreferences'] : consent;
  const answer = (name: string) => {
    const field = pick(source, name, name[0]?.toUpperCase() + name.slice(1));
    return typeof field?.value === 'boolean' ? field.value : undefined;
  };
  const personalization = answer('personalization');
  const analytics = answer('analytics');
  const marketing = answer('marketing');
  if (personalization === undefined && analytics === undefined && marketing === undefined) return undefined;
  return {
    ...(personalization !== undefined && { personalization }),
    ...(analytics !== undefined && { analytics }),
    ...(marketing !== undefined && { marketing }),
  };
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // A surrogate pair is one 4-byte character: count it on the high half.
    bytes +=
      code < 0x80
        ? 1
        : code < 0x800
          ? 2
          : code >= 0xd800 && code <= 0xdbff
            ? 4
            : code >= 0xdc00 && code <= 0xdfff
              ? 0
              : 3;
  }
  return bytes;
}

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) if (value.charCodeAt(index) < 0x20) return true;
  return false;
}
