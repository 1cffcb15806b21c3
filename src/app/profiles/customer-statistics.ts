import {
  lazyComputed,
  rfmThresholds,
  type ConsentDefault,
  type Profile,
  type ProfileView,
  type RfmThresholds,
} from '../../domain/profiles/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';

export interface CustomerStatisticsDeps {
  readonly store: Pick<Store, 'scanProfiles'>;
  readonly clock: Clock;
  readonly currency: string;
  readonly consentDefault: ConsentDefault;
}

/** How many profiles a statistics scan reads per page. */
const SCAN_PAGE = 1_000;

/**
 * Statistics over the whole customer base (the RFM quintiles) and the computed fields they give a
 * profile. Built before ingestion and profiles, which both read them: until the first `refresh`,
 * the thresholds are empty and no profile has an RFM score.
 */
export class CustomerStatistics {
  #rfm: RfmThresholds = { recencyDays: [], frequency: [], monetary: [] };

  constructor(private readonly deps: CustomerStatisticsDeps) {}

  /** The RFM quintiles as last computed. */
  rfm(): RfmThresholds {
    return this.#rfm;
  }

  /** The computed fields rules read (`computed.orderCount`), as the profile answer shows them. */
  computedOf(profile: Profile, now: number): ProfileView['computed'] {
    return lazyComputed(profile, {
      now,
      currency: this.deps.currency,
      rfm: this.#rfm,
      consentDefault: this.deps.consentDefault,
    });
  }

  /** Recomputes the RFM quintiles over every customer in the store. */
  async refresh(): Promise<void> {
    const { store } = this.deps;
    const profiles: Profile[] = [];
    for (let page = await store.scanProfiles(undefined, SCAN_PAGE); page.length > 0;) {
      for (const entry of page) if (entry.profile.stats.orderCount > 0) profiles.push(entry.profile);
      page =
        page.length < SCAN_PAGE ? [] : await store.scanProfiles(page[page.length - 1]?.profile.id, SCAN_PAGE);
    }
    this.#rfm = rfmThresholds(profiles, this.deps.currency, this.deps.clock.now());
  }
}
