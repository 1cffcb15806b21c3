/** Journeys: triggered, delayed, personal messages (coupons, recommendations, content) sent by webhook. */
export { JourneyError, type JourneyErrorCode } from './errors.js';
export {
  JOURNEY_EVENTS,
  MAX_STEP_DELAY_MS,
  delayMs,
  draftJourney,
  type Journey,
  type JourneyAudience,
  type JourneyDraft,
  type JourneyEvent,
  type JourneyInput,
  type JourneyReferences,
  type JourneyStatus,
  type JourneyStep,
  type JourneyTrigger,
} from './journey.js';
export {
  occurrenceOf,
  planSteps,
  triggerKind,
  type JourneySignal,
  type PlannedStep,
  type SignalSubject,
  type TriggerContext,
  type TriggerKind,
} from './triggers.js';
export {
  decideSend,
  minutesOfQuietLeft,
  type CustomerAtSend,
  type JourneyLimits,
  type SendDecision,
  type SendFacts,
  type SkipReason,
} from './send-decision.js';
