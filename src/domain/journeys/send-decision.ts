import type { Journey } from './journey.js';
import { triggerKind } from './triggers.js';

/** Why a step was not sent. Stable codes, recorded on the step and counted in stats. */
export type SkipReason =
  | 'journey_gone'
  | 'journey_paused'
  | 'step_gone'
  | 'customer_gone'
  | 'cart_bought'
  | 'cart_emptied'
  | 'ordered_again'
  | 'audience'
  | 'no_marketing_consent'
  | 'frequency_cap';

/** What the customer looks like at send time. */
export interface CustomerAtSend {
  readonly marketingConsent: boolean;
  readonly segments: readonly string[];
  /** Epoch ms of the last order, if any. */
  readonly lastOrderAt?: number;
  readonly cartSize: number;
  /** IANA time zone, when known (traits `timezone`). */
  readonly timeZone?: string;
}

/** The store's limits on how often and when customers hear from journeys. */
export interface JourneyLimits {
  /** At most `count` messages in any `windowMs`, across journeys. */
  readonly cap: { readonly count: number; readonly windowMs: number };
  /** Local hours [from, to) in which nothing is sent; undefined: none. */
  readonly quietHours?: { readonly from: number; readonly to: number };
}

export interface SendFacts {
  readonly journey: Journey | undefined;
  readonly stepId: string;
  readonly triggerAt: number;
  readonly customer: CustomerAtSend | undefined;
  /** Messages the customer was sent within the cap's window before now. */
  readonly sentInWindow: number;
  /** In the journey's holdout (decided by a stable hash, outside the domain). */
  readonly heldOut: boolean;
  readonly limits: JourneyLimits;
  readonly now: number;
}

export type SendDecision =
  | { readonly action: 'send' }
  | { readonly action: 'hold_out' }
  | { readonly action: 'skip'; readonly reason: SkipReason }
  | { readonly action: 'defer'; readonly until: number; readonly reason: 'quiet_hours' };

/**
 * What to do with a due step, checked in this order: the journey and step still exist and run; the
 * customer still exists; the trigger's condition still holds (a cart not bought nor emptied, a quiet
 * period unbroken); the audience; marketing consent; the holdout; the frequency cap; quiet hours in
 * the customer's time zone where it is known (deferred, not dropped).
 */
export function decideSend(facts: SendFacts): SendDecision {
  const { journey, customer } = facts;
  if (journey === undefined) return skip('journey_gone');
  if (journey.status !== 'active') return skip('journey_paused');
  if (!journey.steps.some((step) => step.id === facts.stepId)) return skip('step_gone');
  if (customer === undefined) return skip('customer_gone');
  const kind = triggerKind(journey.trigger);
  const orderedSince = customer.lastOrderAt !== undefined && customer.lastOrderAt >= facts.triggerAt;
  if (kind === 'abandonedCart') {
    if (orderedSince) return skip('cart_bought');
    if (customer.cartSize === 0) return skip('cart_emptied');
  }
  if (kind === 'quietFor' && customer.lastOrderAt !== undefined && customer.lastOrderAt > facts.triggerAt)
    return skip('ordered_again');
  const audience = journey.audience?.segments ?? [];
  if (audience.length > 0 && !audience.some((segmentId) => customer.segments.includes(segmentId)))
    return skip('audience');
  if (!customer.marketingConsent) return skip('no_marketing_consent');
  if (facts.heldOut) return { action: 'hold_out' };
  if (facts.sentInWindow >= facts.limits.cap.count) return skip('frequency_cap');
  const quiet = facts.limits.quietHours;
  // Only where the customer's time zone is known: a guess could as well wake them as spare them.
  if (quiet !== undefined && customer.timeZone !== undefined) {
    const wait = minutesOfQuietLeft(facts.now, quiet, customer.timeZone);
    if (wait > 0) return { action: 'defer', until: facts.now + wait * 60_000, reason: 'quiet_hours' };
  }
  return { action: 'send' };
}

/** Minutes until quiet hours end, at `now` in `timeZone` (UTC when unknown); 0 outside them. */
export function minutesOfQuietLeft(
  now: number,
  quiet: { readonly from: number; readonly to: number },
  timeZone: string | undefined,
): number {
  const minute = localMinuteOfDay(now, timeZone);
  const [from, to] = [quiet.from * 60, quiet.to * 60];
  const inside = from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  return inside ? (to - minute + 1440) % 1440 || 1440 : 0;
}

function localMinuteOfDay(now: number, timeZone: string | undefined): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: timeZone ?? 'UTC',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
  } catch {
    // An unknown zone in a customer's traits: their time is taken as UTC.
    return localMinuteOfDay(now, undefined);
  }
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

function skip(reason: SkipReason): SendDecision {
  return { action: 'skip', reason };
}
