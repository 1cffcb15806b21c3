import {
  loyaltyStatus,
  type LoyaltyProgram,
  type Profile,
  type ProfileView,
} from '../../domain/profiles/index.js';
import type { MembershipChange } from '../../ports/store.js';
import type { Announcement, Evaluation, ProfileChange } from '../profiles/profile-evaluation.js';
import type { SegmentRegistry } from './segment-registry.js';
import { segmentSubject } from './segment-subject.js';

export interface MembershipEngineDeps {
  readonly registry: SegmentRegistry;
  readonly program: () => LoyaltyProgram | undefined;
  /** The computed fields of a profile as `GET /v1/profiles` shows them. */
  readonly computed: (profile: Profile, now: number) => ProfileView['computed'];
}

/**
 * Evaluates a profile's segments (only those a change can affect) and loyalty tier, so membership is
 * current the moment an event lands; reports entries, exits and tier changes, and when the passing
 * of time alone could next change any of them.
 */
export class MembershipEngine {
  constructor(private readonly deps: MembershipEngineDeps) {}

  evaluate(profile: Profile, change: ProfileChange, now: number): Evaluation {
    const { registry } = this.deps;
    // Memberships that change in this evaluation; the rest is read from the profile's sorted list.
    const changes = new Map<string, boolean>();
    let held: ReadonlySet<string> | undefined;
    const isMember = (id: string) => changes.get(id) ?? (held ??= heldSegments(profile.segments)).has(id);
    const subject = segmentSubject(profile, { computed: this.deps.computed, isMember, now });
    const memberships: MembershipChange[] = [];
    const announcements: Announcement[] = [];
    const who = { userId: profile.userId ?? null, anonymousIds: profile.anonymousIds };
    let at: string | undefined;
    let next: number | undefined;
    for (const compiled of registry.affected(change)) {
      const id = compiled.segment.id;
      const outcome = compiled.rule.evaluate(subject);
      next = earliest(next, outcome.next);
      if (outcome.matched === isMember(id)) continue;
      changes.set(id, outcome.matched);
      memberships.push({ segmentId: id, profileId: profile.id, member: outcome.matched, at: now });
      announcements.push({
        type: outcome.matched ? 'segment.entered' : 'segment.exited',
        profileId: profile.id,
        data: {
          segmentId: id,
          userId: who.userId,
          anonymousIds: who.anonymousIds,
          at: (at ??= new Date(now).toISOString()),
        },
      });
    }
    const program = this.deps.program();
    let loyalty = profile.loyalty;
    if (program !== undefined) {
      const status = loyaltyStatus(
        profile.loyalty.points,
        profile.activity['Order Completed'] ?? [],
        program,
        now,
      );
      next = earliest(next, status.nextChange);
      if ((status.tier ?? undefined) !== profile.loyalty.tier) {
        announcements.push({
          type: 'loyalty.tier_changed',
          profileId: profile.id,
          data: { ...who, from: profile.loyalty.tier ?? null, to: status.tier, points: status.points },
        });
        loyalty = { points: profile.loyalty.points, ...(status.tier !== null && { tier: status.tier }) };
      }
    }
    // A full look (time passed, or everything changed) replaces the schedule; a partial one can only bring it forward.
    const complete = change.everything === true || change.windows === true;
    const pending =
      !complete && profile.nextCheckAt !== undefined && profile.nextCheckAt > now
        ? profile.nextCheckAt
        : undefined;
    const due = earliest(next, pending);
    const dueAt = due === profile.nextCheckAt ? undefined : (due ?? null);
    if (changes.size === 0 && loyalty === profile.loyalty && dueAt === undefined) {
      return { profile, memberships, announcements, dueAt };
    }
    const { nextCheckAt: _previous, ...rest } = profile;
    const segments = changes.size === 0 ? profile.segments : applyChanges(profile.segments, changes);
    return {
      profile: { ...rest, segments, loyalty, ...(due !== undefined && { nextCheckAt: due }) },
      memberships,
      announcements,
      dueAt,
    };
  }
}

/**
 * A profile's segments as a set, made once per list: a list stays the same object from event to
 * event until a membership changes, and a customer of many segments had it rebuilt on each.
 */
const heldSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function heldSegments(segments: readonly string[]): ReadonlySet<string> {
  let held = heldSets.get(segments);
  if (held === undefined) {
    held = new Set(segments);
    heldSets.set(segments, held);
  }
  return held;
}

/** Binary search in a sorted list of ids. */
function includesSorted(sorted: readonly string[], id: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle] as string;
    if (value === id) return true;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** The sorted list with entries added (true) and removed (false). */
function applyChanges(sorted: readonly string[], changes: ReadonlyMap<string, boolean>): string[] {
  const kept = sorted.filter((id) => changes.get(id) !== false);
  const added = [...changes]
    .filter(([id, member]) => member && !includesSorted(sorted, id))
    .map(([id]) => id);
  return added.length === 0 ? kept : [...kept, ...added].sort();
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined || a <= b ? a : b;
}
