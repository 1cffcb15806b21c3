import { parseDuration } from '../shared/index.js';
import { JourneyError } from './errors.js';

export type JourneyStatus = 'active' | 'paused';

/** The events a journey may start on (docs/journeys.md). */
export const JOURNEY_EVENTS = ['Order Completed', 'Order Refunded', 'Product Added'] as const;
export type JourneyEvent = (typeof JOURNEY_EVENTS)[number];

/** What starts a journey for one customer. Exactly one key. */
export type JourneyTrigger =
  | { readonly event: JourneyEvent }
  | { readonly abandonedCart: { readonly after: string } }
  | { readonly segmentEntered: string }
  | { readonly segmentExited: string }
  | { readonly tierChanged: true }
  | { readonly quietFor: string };

export interface JourneyStep {
  readonly id: string;
  /** Wait after the previous step (the trigger for the first): `"0"` or absent for none, up to 12 weeks. */
  readonly delay?: string;
  /** The webhook the `journey.message` goes to (the merchant's e-mail or push provider). */
  readonly webhookId: string;
  /** A personal single-use code of this promotion, valid for `expiresIn`. */
  readonly coupon?: { readonly promotionId: string; readonly expiresIn: string };
  readonly recommendations?: { readonly strategy: string; readonly limit: number };
  /** Content slots resolved for the customer at send time. */
  readonly content?: readonly string[];
}

/** Who may get the messages: a customer in any of these segments (none: everyone). */
export interface JourneyAudience {
  readonly segments?: readonly string[];
}

export interface JourneyInput {
  readonly name: string;
  readonly status: JourneyStatus;
  readonly trigger: JourneyTrigger;
  readonly audience?: JourneyAudience;
  /** Whole percent of customers who get nothing, so uplift can be measured. 0 to 50. */
  readonly holdoutPercent?: number;
  /** Days after a message during which an order counts for it. Default 7. */
  readonly attributionDays?: number;
  readonly steps: readonly JourneyStep[];
}

export interface JourneyDraft extends JourneyInput {
  readonly id: string;
  readonly holdoutPercent: number;
  readonly attributionDays: number;
}

export interface Journey extends JourneyDraft {
  readonly version: number;
  readonly updatedAt: string;
}

/** What a journey may name, as the node holds it now. */
export interface JourneyReferences {
  readonly hasWebhook: (id: string) => boolean;
  readonly hasPromotion: (id: string) => boolean;
  readonly hasSegment: (id: string) => boolean;
  readonly isStrategy: (strategy: string) => boolean;
  readonly hasContent: (slot: string) => boolean;
}

/** The longest wait of one step, and of a trigger's own delay (abandoned cart, quiet period). */
export const MAX_STEP_DELAY_MS = 12 * 604_800_000;
export const MAX_TRIGGER_DELAY_MS = 365 * 86_400_000;
/** A coupon is valid for at most a year. */
export const MAX_COUPON_LIFETIME_MS = 365 * 86_400_000;
export const MAX_STEPS = 10;

/** `"0"` or absent: no wait; else a positive duration. Undefined when it is not one. */
export function delayMs(text: string | undefined): number | undefined {
  if (text === undefined || text === '0') return 0;
  return parseDuration(text);
}

/**
 * Checks a journey as a merchant sends it, in this order: trigger (one known kind, delays in range,
 * the segment exists), audience, holdout, steps (ids unique, delays in range, webhook, promotion,
 * strategy and slots exist). @throws JourneyError `invalid_journey` with the pointer at fault.
 */
export function draftJourney(id: string, input: JourneyInput, references: JourneyReferences): JourneyDraft {
  checkTrigger(input.trigger, references);
  input.audience?.segments?.forEach((segmentId, index) => {
    if (!references.hasSegment(segmentId))
      throw invalid(`/audience/segments/${index}`, `no segment ${segmentId}`);
  });
  const holdoutPercent = input.holdoutPercent ?? 0;
  if (!Number.isInteger(holdoutPercent) || holdoutPercent < 0 || holdoutPercent > 50)
    throw invalid('/holdoutPercent', 'a holdout is a whole percent from 0 to 50');
  const attributionDays = input.attributionDays ?? 7;
  if (!Number.isInteger(attributionDays) || attributionDays < 1 || attributionDays > 90)
    throw invalid('/attributionDays', 'an attribution window is 1 to 90 days');
  if (input.steps.length === 0 || input.steps.length > MAX_STEPS)
    throw invalid('/steps', `a journey has 1 to ${MAX_STEPS} steps`);
  const seen = new Set<string>();
  input.steps.forEach((step, index) => {
    if (seen.has(step.id)) throw invalid(`/steps/${index}/id`, `step ${step.id} appears twice`);
    seen.add(step.id);
    checkStep(step, `/steps/${index}`, references);
  });
  return { id, ...input, holdoutPercent, attributionDays };
}

function checkTrigger(trigger: JourneyTrigger, references: JourneyReferences): void {
  const keys = Object.keys(trigger);
  if (keys.length !== 1) throw invalid('/trigger', 'a trigger has exactly one kind');
  if ('event' in trigger) {
    if (!(JOURNEY_EVENTS as readonly string[]).includes(trigger.event))
      throw invalid('/trigger/event', `journeys start on ${JOURNEY_EVENTS.join(', ')}`);
  } else if ('abandonedCart' in trigger) {
    const after = delayMs(trigger.abandonedCart.after);
    if (after === undefined || after === 0 || after > MAX_TRIGGER_DELAY_MS)
      throw invalid('/trigger/abandonedCart/after', 'a wait from 1m to 365d');
  } else if ('quietFor' in trigger) {
    const quiet = delayMs(trigger.quietFor);
    if (quiet === undefined || quiet === 0 || quiet > MAX_TRIGGER_DELAY_MS)
      throw invalid('/trigger/quietFor', 'a quiet period from 1m to 365d');
  } else if ('segmentEntered' in trigger || 'segmentExited' in trigger) {
    const segmentId = 'segmentEntered' in trigger ? trigger.segmentEntered : trigger.segmentExited;
    if (!references.hasSegment(segmentId))
      throw invalid(`/trigger/${keys[0] ?? ''}`, `no segment ${segmentId}`);
  } else if (!('tierChanged' in trigger) || (trigger as { tierChanged: unknown }).tierChanged !== true) {
    throw invalid('/trigger', 'unknown trigger');
  }
}

function checkStep(step: JourneyStep, pointer: string, references: JourneyReferences): void {
  const delay = delayMs(step.delay);
  if (delay === undefined || delay > MAX_STEP_DELAY_MS)
    throw invalid(`${pointer}/delay`, 'a delay is "0" or a duration up to 12w (84d)');
  if (!references.hasWebhook(step.webhookId))
    throw invalid(`${pointer}/webhookId`, `no webhook ${step.webhookId}`);
  if (step.coupon !== undefined) {
    if (!references.hasPromotion(step.coupon.promotionId))
      throw invalid(`${pointer}/coupon/promotionId`, `no promotion ${step.coupon.promotionId}`);
    const lifetime = delayMs(step.coupon.expiresIn);
    if (lifetime === undefined || lifetime === 0 || lifetime > MAX_COUPON_LIFETIME_MS)
      throw invalid(`${pointer}/coupon/expiresIn`, 'a coupon lives 1m to 365d');
  }
  if (step.recommendations !== undefined && !references.isStrategy(step.recommendations.strategy))
    throw invalid(`${pointer}/recommendations/strategy`, `no strategy ${step.recommendations.strategy}`);
  step.content?.forEach((slot, index) => {
    if (!references.hasContent(slot)) throw invalid(`${pointer}/content/${index}`, `no content slot ${slot}`);
  });
}

function invalid(pointer: string, detail: string): JourneyError {
  return new JourneyError('invalid_journey', detail, { pointer });
}
