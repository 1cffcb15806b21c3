import { delayMs, type Journey, type JourneyTrigger } from './journey.js';

/** Something that happened to a customer, as journeys hear of it (from a committed ingestion batch). */
export type JourneySignal =
  | {
      readonly kind: 'event';
      readonly name: string;
      readonly messageId: string;
      readonly orderId?: string;
      readonly productIds: readonly string[];
    }
  | { readonly kind: 'segment'; readonly segmentId: string; readonly entered: boolean }
  | { readonly kind: 'tier'; readonly tier: string | null };

/** Whom a signal is about, and when it happened (epoch ms). */
export interface SignalSubject {
  readonly profileId: string;
  /** Journeys message known customers only: a signal without a userId starts nothing. */
  readonly userId?: string;
  readonly at: number;
}

/** What a step's message is built from, beyond the customer: the products the trigger concerned. */
export interface TriggerContext {
  readonly orderId?: string;
  readonly productIds: readonly string[];
}

/** One step to send later: a row of the store, unique by (journeyId, stepId, occurrence). */
export interface PlannedStep {
  readonly journeyId: string;
  readonly stepId: string;
  /** Names the occurrence of the trigger, so the same occurrence never plans a step twice. */
  readonly occurrence: string;
  readonly profileId: string;
  readonly userId: string;
  readonly triggerAt: number;
  readonly dueAt: number;
  /** Cancels this customer's older steps of the journey still waiting (a newer cart replaces the old). */
  readonly supersedes: boolean;
  readonly context: TriggerContext;
}

/** The trigger's kind, as send-time checks and stats name it. */
export type TriggerKind =
  'event' | 'abandonedCart' | 'segmentEntered' | 'segmentExited' | 'tierChanged' | 'quietFor';

export function triggerKind(trigger: JourneyTrigger): TriggerKind {
  return Object.keys(trigger)[0] as TriggerKind;
}

/**
 * The occurrence a signal is of a journey's trigger, or undefined when it is none. Orders are named
 * by their orderId (an order counted once, however it arrived), other events by their messageId
 * (replays are dropped before this), memberships and tiers by what changed and when.
 */
export function occurrenceOf(
  trigger: JourneyTrigger,
  signal: JourneySignal,
  at: number,
): { key: string; wait: number; context: TriggerContext } | undefined {
  const none: TriggerContext = { productIds: [] };
  if (signal.kind === 'event') {
    const context: TriggerContext = {
      ...(signal.orderId !== undefined && { orderId: signal.orderId }),
      productIds: signal.productIds,
    };
    const id = signal.orderId ?? signal.messageId;
    if ('event' in trigger && trigger.event === signal.name) return { key: `event:${id}`, wait: 0, context };
    if ('abandonedCart' in trigger && signal.name === 'Product Added')
      return { key: `cart:${signal.messageId}`, wait: delayMs(trigger.abandonedCart.after) ?? 0, context };
    if ('quietFor' in trigger && signal.name === 'Order Completed')
      return { key: `quiet:${id}`, wait: delayMs(trigger.quietFor) ?? 0, context };
    return undefined;
  }
  if (signal.kind === 'segment') {
    if ('segmentEntered' in trigger && signal.entered && trigger.segmentEntered === signal.segmentId)
      return { key: `entered:${signal.segmentId}:${at}`, wait: 0, context: none };
    if ('segmentExited' in trigger && !signal.entered && trigger.segmentExited === signal.segmentId)
      return { key: `exited:${signal.segmentId}:${at}`, wait: 0, context: none };
    return undefined;
  }
  if ('tierChanged' in trigger) return { key: `tier:${signal.tier ?? 'none'}:${at}`, wait: 0, context: none };
  return undefined;
}

/**
 * The steps a signal plans in each active journey it triggers: each step's due time is the trigger's
 * own wait plus the delays of the steps up to it. Nothing for a customer without a userId.
 */
export function planSteps(
  journeys: readonly Journey[],
  signal: JourneySignal,
  subject: SignalSubject,
): PlannedStep[] {
  const { userId } = subject;
  if (userId === undefined) return [];
  const planned: PlannedStep[] = [];
  for (const journey of journeys) {
    if (journey.status !== 'active') continue;
    const occurrence = occurrenceOf(journey.trigger, signal, subject.at);
    if (occurrence === undefined) continue;
    let dueAt = subject.at + occurrence.wait;
    for (const step of journey.steps) {
      dueAt += delayMs(step.delay) ?? 0;
      planned.push({
        journeyId: journey.id,
        stepId: step.id,
        occurrence: occurrence.key,
        profileId: subject.profileId,
        userId,
        triggerAt: subject.at,
        dueAt,
        supersedes: 'abandonedCart' in journey.trigger,
        context: occurrence.context,
      });
    }
  }
  return planned;
}
