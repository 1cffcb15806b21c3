import {
  pointsFromHistory,
  recordActivity,
  type Activity,
  type ActivitySpec,
  type LoyaltyProgram,
  type ProductTaxonomy,
  type Profile,
} from '../../domain/profiles/index.js';
import {
  WriteConflict,
  type MembershipChange,
  type ProfileTransaction,
  type Store,
  type VersionedProfile,
} from '../../ports/store.js';
import type { ProfileCache } from '../profiles/profile-cache.js';
import { giveWayIfDue, type GiveWay } from '../yield-to-requests.js';
import type { Announcement, ProfileChange, ProfileRules } from '../profiles/profile-evaluation.js';

/** What to rebuild from stored history before evaluating: the remembered activity, the points, or both. */
export interface Rebuild {
  readonly activity?: ActivitySpec;
  /** Recompute points under this program (null: the store runs none, points go to 0). */
  readonly program?: LoyaltyProgram | null;
}

export interface ReevaluateDeps {
  readonly store: Store;
  readonly cache: ProfileCache;
  readonly rules: ProfileRules;
  readonly productFacts: (productId: string) => ProductTaxonomy | undefined;
}

export interface ReevaluateResult {
  readonly profiles: readonly VersionedProfile[];
  readonly checks: readonly { readonly profileId: string; readonly dueAt: number | null }[];
  readonly announcements: readonly Announcement[];
}

/** How a re-evaluation runs: what it rebuilds from history, and how it takes turns with requests. */
export interface ReevaluateOptions {
  readonly rebuild?: Rebuild | undefined;
  readonly giveWay: GiveWay;
}

const MAX_ATTEMPTS = 5;
/** Profiles read a statement inside the transaction: parsing them was a third of a page's CPU profile. */
const READ_CHUNK = 50;

/**
 * Evaluates profiles again outside ingestion (a time window passed, a segment or program changed),
 * rebuilding what is asked from their stored history, and writes what changed in one transaction.
 * A concurrent writer makes the attempt start over from the store. `giveWay` lets requests run
 * between profiles and between the transaction's statements: a back-fill's page is 200 profiles,
 * each one's history read back from the log when the rule needs it.
 */
export async function reevaluateProfiles(
  deps: ReevaluateDeps,
  profileIds: readonly string[],
  change: ProfileChange,
  now: number,
  { rebuild = {}, giveWay }: ReevaluateOptions,
): Promise<ReevaluateResult> {
  const history =
    rebuild.activity !== undefined || rebuild.program !== undefined
      ? await loadHistory(deps.store, profileIds, giveWay)
      : undefined;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await deps.store.profileTransaction(
        async (tx) => {
          const stored = await readProfiles(tx, profileIds, giveWay);
          const writes: { profile: Profile; expectedVersion: number; stored: Profile }[] = [];
          const checks: { profileId: string; dueAt: number | null }[] = [];
          const announcements: Announcement[] = [];
          const memberships: MembershipChange[] = [];
          for (const { profile, version } of stored.values()) {
            const rebuilt = rebuildProfile(profile, history?.get(profile.id), rebuild, deps.productFacts);
            const evaluation = deps.rules.evaluate?.(rebuilt, change, now);
            const next = evaluation?.profile ?? rebuilt;
            if (evaluation !== undefined) {
              memberships.push(...evaluation.memberships);
              announcements.push(...evaluation.announcements);
              if (evaluation.dueAt !== undefined)
                checks.push({ profileId: profile.id, dueAt: evaluation.dueAt });
            }
            if (next !== profile) writes.push({ profile: next, expectedVersion: version, stored: profile });
            await giveWayIfDue(giveWay);
          }
          const versions = await tx.writeProfiles(writes, now);
          await tx.changeMemberships(memberships);
          await tx.enqueueMessages(deps.rules.toOutbox(announcements), now);
          const planned =
            deps.rules.planJourneys?.({
              stored: [],
              announcements,
              newOrders: new Set(),
              userIdOf: (profileId) => stored.get(profileId)?.profile.userId,
              now,
            }) ?? [];
          if (planned.length > 0) await tx.scheduleJourneySteps(planned);
          await tx.scheduleChecks(checks);
          return {
            profiles: writes.map(({ profile }) => ({ profile, version: versions.get(profile.id) as number })),
            checks,
            announcements,
          };
        },
        { giveWay },
      );
      for (const entry of result.profiles) deps.cache.putProfile(entry);
      return result;
    } catch (error) {
      if (!(error instanceof WriteConflict) || attempt >= MAX_ATTEMPTS) throw error;
      deps.cache.forget(profileIds);
    }
  }
}

async function readProfiles(
  tx: ProfileTransaction,
  profileIds: readonly string[],
  giveWay: GiveWay,
): Promise<Map<string, VersionedProfile>> {
  const stored = new Map<string, VersionedProfile>();
  for (let start = 0; start < profileIds.length; start += READ_CHUNK) {
    const read = await tx.getProfiles(profileIds.slice(start, start + READ_CHUNK));
    for (const [id, entry] of read) stored.set(id, entry);
    await giveWayIfDue(giveWay);
  }
  return stored;
}

interface History {
  readonly events: readonly Awaited<ReturnType<Store['eventsOf']>>[number]['event'][];
  readonly orders: Awaited<ReturnType<Store['ordersOf']>>;
}

async function loadHistory(
  store: Store,
  profileIds: readonly string[],
  giveWay: GiveWay,
): Promise<Map<string, History>> {
  const history = new Map<string, History>();
  for (const id of profileIds) {
    const [events, orders] = await Promise.all([store.eventsOf(id), store.ordersOf(id)]);
    history.set(id, { events: events.map((stored) => stored.event), orders });
    await giveWayIfDue(giveWay);
  }
  return history;
}

function rebuildProfile(
  profile: Profile,
  history: History | undefined,
  rebuild: Rebuild,
  productFacts: (productId: string) => ProductTaxonomy | undefined,
): Profile {
  if (history === undefined) return profile;
  let next = profile;
  if (rebuild.activity !== undefined) {
    const spec = rebuild.activity;
    const activity = history.events.reduce<Activity>(
      (held, event) => recordActivity(held, event, spec, productFacts),
      {},
    );
    next = { ...next, activity };
  }
  if (rebuild.program !== undefined) {
    const program = rebuild.program;
    const amounts = new Map(history.orders.map((order) => [order.orderId, order]));
    const entries = [
      ...history.orders.map((order) => ({
        at: Date.parse(order.at),
        kind: 'order' as const,
        amount: order.amount,
        currency: order.currency,
      })),
      ...history.events.flatMap((event) => {
        const commerce = event.commerce;
        if (commerce?.name !== 'Order Refunded') return [];
        const amount =
          commerce.amount ??
          (commerce.orderId === undefined ? undefined : amounts.get(commerce.orderId)?.amount);
        return amount === undefined
          ? []
          : [
              {
                at: Date.parse(event.timestamp),
                kind: 'refund' as const,
                amount,
                currency: commerce.currency,
              },
            ];
      }),
    ];
    const points = program === null ? 0 : pointsFromHistory(entries, program);
    next = { ...next, loyalty: { ...next.loyalty, points } };
  }
  return next;
}
