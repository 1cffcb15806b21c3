import type { Store, StoredEvent, VersionedProfile } from '../../ports/store.js';
import { whereaboutsOf, type Whereabouts } from './interactions.js';

/**
 * Whereabouts a read of the log keeps at most, the most recently met first kept: active customers
 * come back page after page, and the rest are read again when they do, so memory stays bounded
 * however many customers the log names (a map of every profile was a second per-customer copy).
 */
const WHEREABOUTS_KEPT = 50_000;

/**
 * The whereabouts of the profiles a read of the log meets, page after page: those met lately from
 * memory, the rest read together from the store.
 */
export class RecentWhereabouts {
  /** In the order last met (re-inserting moves a profile to the young end of the Map's order). */
  readonly #known = new Map<string, Whereabouts>();

  constructor(
    private readonly store: Pick<Store, 'getProfiles'>,
    private readonly kept = WHEREABOUTS_KEPT,
  ) {}

  /** The whereabouts of the profiles `events` are about; those the store no longer holds are left out. */
  async of(events: readonly StoredEvent[]): Promise<Map<string, Whereabouts>> {
    const known = this.#known;
    const found = new Map<string, Whereabouts>();
    const missing = new Set<string>();
    for (const { profileId } of events) {
      if (found.has(profileId)) continue;
      const where = known.get(profileId);
      if (where === undefined) missing.add(profileId);
      else {
        found.set(profileId, where);
        known.delete(profileId);
        known.set(profileId, where);
      }
    }
    const read =
      missing.size === 0 ? new Map<string, VersionedProfile>() : await this.store.getProfiles([...missing]);
    for (const { profile } of read.values()) {
      const where = whereaboutsOf(profile);
      found.set(profile.id, where);
      known.set(profile.id, where);
    }
    for (const oldest of known.keys()) {
      if (known.size <= this.kept) break;
      known.delete(oldest);
    }
    return found;
  }
}
