import type { Store, StoredEvent } from '../../ports/store.js';
import type { FairSlices } from '../yield-to-requests.js';
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

  readonly #kept: number;
  readonly #perRead: number;

  constructor(
    private readonly store: Pick<Store, 'getProfiles'>,
    /** `perRead`: profiles read a query (see `logPagingFor`). */
    { perRead, kept = WHEREABOUTS_KEPT }: { perRead: number; kept?: number },
  ) {
    this.#kept = kept;
    this.#perRead = perRead;
  }

  /**
   * The whereabouts of the profiles `events` are about; those the store no longer holds are left
   * out. Those not met lately are read a few at a time, giving way between reads when `slices` says.
   */
  async of(events: readonly StoredEvent[], slices?: FairSlices): Promise<Map<string, Whereabouts>> {
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
    const ids = [...missing];
    for (let first = 0; first < ids.length; first += this.#perRead) {
      if (slices?.due === true) await slices.giveWay();
      const read = await this.store.getProfiles(ids.slice(first, first + this.#perRead));
      for (const { profile } of read.values()) {
        const where = whereaboutsOf(profile);
        found.set(profile.id, where);
        known.set(profile.id, where);
      }
    }
    for (const oldest of known.keys()) {
      if (known.size <= this.#kept) break;
      known.delete(oldest);
    }
    return found;
  }
}
