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
  readonly store: Pick<Store, 'scanProfiles' | 'getSetting' | 'setSetting'>;
  readonly clock: Clock;
  readonly currency: string;
  readonly consentDefault: ConsentDefault;
}

/** How many profiles a statistics scan reads per page. */
const SCAN_PAGE = 1_000;
/** Where the last computed quintiles are kept, so a start need not scan every profile first. */
const STORED = 'statistics.rfm';

const isNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'number' && Number.isFinite(entry));

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
    await store.setSetting(STORED, JSON.stringify(this.#rfm));
  }

  /**
   * Takes the quintiles the last refresh stored (on any node), as a running node holds them until
   * its next refresh; false when there are none that read, and only a refresh gives them.
   */
  async restore(): Promise<boolean> {
    const stored = await this.deps.store.getSetting(STORED);
    if (stored === undefined) return false;
    try {
      const { recencyDays, frequency, monetary } = JSON.parse(stored) as Record<string, unknown>;
      if (!isNumbers(recencyDays) || !isNumbers(frequency) || !isNumbers(monetary)) return false;
      this.#rfm = { recencyDays, frequency, monetary };
      return true;
    } catch {
      return false;
    }
  }
}
