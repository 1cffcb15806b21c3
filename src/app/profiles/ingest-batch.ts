import {
  applyConsent,
  applyEvent,
  effectiveConsent,
  type ActivitySpec,
  type ConsentDefault,
  type LoyaltyProgram,
  type Profile,
  type TrackedEvent,
} from '../../domain/profiles/index.js';
import type {
  Identity,
  OrderRecord,
  ProfileTransaction,
  ScheduledStep,
  VersionedProfile,
} from '../../ports/store.js';
import type { JourneyBatch } from '../journeys/journey-planner.js';
import { giveWayIfDue } from '../yield-to-requests.js';
import { evaluateProfiles, type EvaluationContext } from './batch-evaluation.js';
import { BatchWorkspace } from './batch-workspace.js';
import { guardIdentityChanges } from './identity-changes.js';
import type { ProfileCache } from './profile-cache.js';
import type { Announcement } from './profile-evaluation.js';

/** A validated event and whether it came from the merchant's server (a secret key). */
export interface IncomingEvent {
  readonly event: TrackedEvent;
  readonly fromServer: boolean;
  /** An untrusted event that changes identity: whom its token proved, checked again in the transaction. */
  readonly verifiedAs?: { readonly customer: string | undefined };
}

export interface BatchContext extends EvaluationContext {
  readonly cache: ProfileCache;
  readonly newProfileId: () => string;
  readonly consentDefault: ConsentDefault;
  /** Salted hash of an id, as erasures record it. */
  readonly hashId: (identity: Identity) => string;
  /** Which events profiles remember for window rules. */
  readonly activity: ActivitySpec;
  readonly loyalty: LoyaltyProgram | undefined;
  /** Journey steps the batch triggers, planned in its transaction (see `JourneyPlanner`). */
  readonly planJourneys?: (batch: JourneyBatch) => ScheduledStep[];
}

/** What one batch changed, for the cache and for modules that follow events (segments, models). */
export interface BatchResult {
  readonly stored: readonly { readonly profileId: string; readonly event: TrackedEvent }[];
  readonly profiles: readonly VersionedProfile[];
  readonly absorbed: readonly { readonly from: string; readonly into: string }[];
  /** Every id the batch named and the profile it now belongs to. */
  readonly resolved: readonly { readonly identity: Identity; readonly profileId: string }[];
  /** New times at which profiles' time windows need a look (null: no longer). */
  readonly checks: readonly { readonly profileId: string; readonly dueAt: number | null }[];
  readonly announcements: readonly Announcement[];
  /** Identity changes the transaction left out of untrusted events (see {@link guardIdentityChanges}). */
  readonly ignored?: readonly { readonly incoming: IncomingEvent; readonly pointer: string }[];
  /** The messageIds of the Order Completed events counted as new orders by this batch. */
  readonly newOrders?: ReadonlySet<string>;
  /** How many journey steps the batch planned. */
  readonly plannedSteps?: number;
}

type Plan =
  | { kind: 'store'; profileId: string; incoming: IncomingEvent }
  | { kind: 'consent'; profileId: string; event: TrackedEvent };

/**
 * Applies a batch of events inside one transaction: drops replays (messageId already stored) and
 * events of erased customers; honours analytics consent (without it only the consent answer is kept);
 * resolves ids to profiles, merging on identify; stores the events; counts each order once by its
 * order_id; updates the profiles; writes it all. A concurrent writer makes it throw WriteConflict.
 */
export async function ingestBatch(
  tx: ProfileTransaction,
  incoming: readonly IncomingEvent[],
  context: BatchContext,
): Promise<BatchResult> {
  const unseen = await dropReplays(tx, incoming);
  const workspace = new BatchWorkspace(
    tx,
    context.cache,
    context.newProfileId,
    new Date(context.now).toISOString(),
  );
  await workspace.prefetch(unseen.flatMap(({ event }) => identitiesOf(event)));
  const fresh = await dropErased(
    tx,
    unseen,
    (identity) => workspace.peek(identity) === undefined,
    context.hashId,
  );
  await giveWayIfDue(context.giveWay);

  const plans: Plan[] = [];
  const ignored: { incoming: IncomingEvent; pointer: string }[] = [];
  for (const original of fresh) {
    const item = guarded(original, (identity) => workspace.peek(identity), ignored);
    if (item === undefined) continue;
    const { event } = item;
    const [userId, anonymousId] = [
      event.userId,
      event.type === 'alias' ? event.previousId : event.anonymousId,
    ];
    const existing =
      workspace.peek(userId === undefined ? undefined : { kind: 'user', value: userId }) ??
      workspace.peek(anonymousId === undefined ? undefined : { kind: 'anon', value: anonymousId });
    const analytics =
      event.consent?.analytics ?? effectiveConsent(existing, context.consentDefault).analytics;
    if (analytics)
      plans.push({ kind: 'store', profileId: workspace.resolve(userId, anonymousId), incoming: item });
    else if (event.consent !== undefined)
      plans.push({ kind: 'consent', profileId: workspace.resolveWithoutLinking(userId, anonymousId), event });
  }

  const stored = plans.flatMap((plan) =>
    plan.kind === 'store' ? [{ profileId: workspace.root(plan.profileId), event: plan.incoming.event }] : [],
  );
  await tx.insertEvents(stored);
  const newOrders = await recordOrders(tx, stored);
  const refunded = await tx.orderAmounts(
    stored.flatMap(({ event }) => (needsOrderAmount(event) ? [event.commerce?.orderId as string] : [])),
  );

  // Affinity maps this batch copied: a customer's later events in it add to them in place.
  const owned = new WeakSet<object>();
  for (const plan of plans) {
    await giveWayIfDue(context.giveWay);
    if (plan.kind === 'consent') {
      workspace.update(plan.profileId, (profile) =>
        applyConsent(profile, plan.event.consent ?? {}, plan.event.timestamp),
      );
      continue;
    }
    const { event, fromServer } = plan.incoming;
    const known = event.commerce?.orderId === undefined ? undefined : refunded.get(event.commerce.orderId);
    workspace.update(plan.profileId, (profile) =>
      applyEvent(profile, event, {
        productFacts: context.productFacts,
        isNewOrder: newOrders.has(event.messageId),
        fromServer,
        activity: context.activity,
        owned,
        ...(context.loyalty !== undefined && { loyalty: context.loyalty }),
        ...(known !== undefined &&
          known.currency === event.commerce?.currency && { refundedOrderAmount: known.amount }),
      }),
    );
  }

  const evaluated = await evaluateProfiles(tx, workspace, stored, context);
  // In this transaction: a trigger committed is a step planned, even if the node dies next.
  const planned =
    context.planJourneys?.({
      stored,
      announcements: evaluated.announcements,
      newOrders,
      userIdOf: (profileId) => workspace.profile(profileId).userId,
      now: context.now,
    }) ?? [];
  if (planned.length > 0) await tx.scheduleJourneySteps(planned);
  const changes = workspace.changes();
  await tx.linkIdentities(changes.links, context.now);
  const versions = await tx.writeProfiles(changes.profiles, context.now);
  for (const merge of changes.absorbed)
    await tx.absorbProfile(merge.from, merge.into, merge.version, context.now);
  return {
    stored,
    profiles: changes.profiles.map(({ profile }) => ({
      profile,
      version: versions.get(profile.id) as number,
    })),
    absorbed: changes.absorbed.map(({ from, into, fromOrdered }) => ({ from, into, fromOrdered })),
    resolved: changes.resolved,
    ...evaluated,
    ignored,
    newOrders,
    plannedSteps: planned.length,
  };
}

/** `item` as its identity check allows now, inside the transaction; undefined when nothing is left. */
function guarded(
  item: IncomingEvent,
  profileOf: (identity: Identity) => Profile | undefined,
  ignored: { incoming: IncomingEvent; pointer: string }[],
): IncomingEvent | undefined {
  if (item.verifiedAs === undefined) return item;
  const { customer } = item.verifiedAs;
  const { event, left } = guardIdentityChanges(item.event, customer, identitiesOf(item.event), profileOf);
  for (const pointer of left) ignored.push({ incoming: item, pointer });
  return event === undefined ? undefined : { ...item, event };
}

/**
 * Events about an erased customer dated before the erasure (strictly) are replays of what was erased: dropped.
 * Erasure removes every link of the customer's ids, so only ids without a profile can belong to an
 * erased customer; those alone are hashed and checked, in the transaction, so an erasure on another
 * node is seen at once.
 */
async function dropErased(
  tx: ProfileTransaction,
  incoming: readonly IncomingEvent[],
  isUnlinked: (identity: Identity) => boolean,
  hashId: (identity: Identity) => string,
): Promise<IncomingEvent[]> {
  const hashes = incoming.map(({ event }) => identitiesOf(event).filter(isUnlinked).map(hashId));
  if (hashes.every((list) => list.length === 0)) return [...incoming];
  const erased = await tx.erasedAt([...new Set(hashes.flat())]);
  if (erased.size === 0) return [...incoming];
  return incoming.filter(({ event }, index) => {
    const time = Date.parse(event.timestamp);
    return !(hashes[index] ?? []).some((hash) => (erased.get(hash) ?? -Infinity) > time);
  });
}

/** Events whose messageId is already stored, or repeated within the batch, are accepted and not counted again. */
async function dropReplays(
  tx: ProfileTransaction,
  incoming: readonly IncomingEvent[],
): Promise<IncomingEvent[]> {
  const seen = await tx.existingMessageIds(incoming.map(({ event }) => event.messageId));
  return incoming.filter(({ event }) => {
    if (seen.has(event.messageId)) return false;
    seen.add(event.messageId);
    return true;
  });
}

/** Records each Order Completed by its order_id; resolves to the messageIds of the orders counted now. */
async function recordOrders(
  tx: ProfileTransaction,
  stored: readonly { profileId: string; event: TrackedEvent }[],
): Promise<Set<string>> {
  const firstByOrder = new Map<string, OrderRecord>();
  for (const { profileId, event } of stored) {
    const commerce = event.commerce;
    if (commerce?.name !== 'Order Completed') continue;
    const orderId = commerce.orderId ?? event.messageId;
    if (firstByOrder.has(orderId)) continue;
    firstByOrder.set(orderId, {
      orderId,
      profileId,
      messageId: event.messageId,
      currency: commerce.currency,
      amount: commerce.amount ?? 0,
      at: event.timestamp,
      source: 'event',
    });
  }
  const recorded = await tx.insertOrders([...firstByOrder.values()]);
  return new Set(
    [...firstByOrder.values()].filter((order) => recorded.has(order.orderId)).map((order) => order.messageId),
  );
}

function needsOrderAmount(event: TrackedEvent): boolean {
  return (
    event.commerce?.name === 'Order Refunded' &&
    event.commerce.amount === undefined &&
    event.commerce.orderId !== undefined
  );
}

/** The ids an event names. */
export function identitiesOf(event: TrackedEvent): Identity[] {
  const identities: Identity[] = [];
  if (event.userId !== undefined) identities.push({ kind: 'user', value: event.userId });
  if (event.anonymousId !== undefined) identities.push({ kind: 'anon', value: event.anonymousId });
  if (event.previousId !== undefined) identities.push({ kind: 'anon', value: event.previousId });
  return identities;
}
