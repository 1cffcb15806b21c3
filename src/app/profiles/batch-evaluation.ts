import { categoriesOf, type ProductTaxonomy, type TrackedEvent } from '../../domain/profiles/index.js';
import { categoryLineage } from '../../domain/shared/index.js';
import type { MembershipChange, OutboxEntry, ProfileTransaction } from '../../ports/store.js';
import type { BatchWorkspace } from './batch-workspace.js';
import type { Announcement, ProfileChange, ProfileEvaluator } from './profile-evaluation.js';
import { giveWayIfDue, type GiveWay } from '../yield-to-requests.js';

/** What evaluating a batch's profiles needs of the batch's context. */
export interface EvaluationContext {
  readonly productFacts: (productId: string) => ProductTaxonomy | undefined;
  readonly now: number;
  /** Segments and tiers, evaluated once a profile's events are applied. */
  readonly evaluate?: ProfileEvaluator;
  /** Webhook messages for what the evaluation announced. */
  readonly toOutbox?: (announcements: readonly Announcement[]) => OutboxEntry[];
  /** Lets waiting requests run between profiles once the batch has had its slice of the thread. */
  readonly giveWay?: GiveWay;
}

/** What the evaluation left to do after the transaction: webhooks' announcements and re-check times. */
export interface BatchEvaluation {
  readonly checks: readonly { readonly profileId: string; readonly dueAt: number | null }[];
  readonly announcements: readonly Announcement[];
}

type Change = {
  eventNames: Set<string>;
  eventCategories: Map<string, Set<string>>;
  traits: boolean;
  everything: boolean;
};

/**
 * Evaluates the segments and tiers of every profile the batch touched (only the rules its events can
 * affect; all of them after a merge), and writes memberships, webhook messages and re-check times.
 * `stored` are the batch's events with the profile (merged into its root) each was stored for.
 */
export async function evaluateProfiles(
  tx: ProfileTransaction,
  workspace: BatchWorkspace,
  stored: readonly { readonly profileId: string; readonly event: TrackedEvent }[],
  context: EvaluationContext,
): Promise<BatchEvaluation> {
  if (context.evaluate === undefined) return { checks: [], announcements: [] };
  const changes = new Map<string, Change>();
  const fresh = (): Change => ({
    eventNames: new Set(),
    eventCategories: new Map(),
    traits: false,
    everything: false,
  });
  for (const { profileId, event } of stored) {
    const change = changes.get(profileId) ?? fresh();
    if (event.type === 'track' && event.event !== undefined) {
      change.eventNames.add(event.event);
      // With their ancestors, so a rule counting `home` hears of a `home/kitchen` product.
      const categories = change.eventCategories.get(event.event) ?? new Set<string>();
      for (const path of categoriesOf(event, context.productFacts))
        for (const category of categoryLineage(path)) categories.add(category);
      change.eventCategories.set(event.event, categories);
    }
    if (event.type === 'identify' || event.type === 'group') change.traits = true;
    changes.set(profileId, change);
  }
  for (const merge of workspace.changes().absorbed) {
    const change = changes.get(merge.into) ?? fresh();
    changes.set(merge.into, { ...change, everything: true });
  }
  const memberships: MembershipChange[] = [];
  const announcements: Announcement[] = [];
  const checks: { profileId: string; dueAt: number | null }[] = [];
  for (const [profileId, change] of changes) {
    await giveWayIfDue(context.giveWay);
    const evaluation = context.evaluate(
      workspace.profile(profileId),
      change satisfies ProfileChange,
      context.now,
    );
    workspace.update(profileId, () => evaluation.profile);
    memberships.push(...evaluation.memberships);
    announcements.push(...evaluation.announcements);
    if (evaluation.dueAt !== undefined) checks.push({ profileId, dueAt: evaluation.dueAt });
  }
  await tx.changeMemberships(memberships);
  await tx.enqueueMessages(context.toOutbox?.(announcements) ?? [], context.now);
  await tx.scheduleChecks(checks);
  return { checks, announcements };
}
