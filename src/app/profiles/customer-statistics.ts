import {
  lazyComputed,
  quintileRanks,
  rfmThresholdsOfRanked,
  type ConsentDefault,
  type Profile,
  type ProfileView,
  type RfmThresholds,
} from '../../domain/profiles/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';

export interface CustomerStatisticsDeps {
  readonly store: Pick<Store, 'rankedOrderValues' | 'getSetting' | 'setSetting'>;
  readonly clock: Clock;
  readonly currency: string;
  readonly consentDefault: ConsentDefault;
}

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

  /**
   * Recomputes the RFM quintiles over every customer in the store. The store picks the values at
   * the quintile ranks from its indexes: no profile is loaded, so the cost does not grow with the
   * customer base in memory, and a refresh no longer stalls ingestion as a scan of every profile did.
   */
  async refresh(): Promise<void> {
    const { store, currency } = this.deps;
    const ranked = await store.rankedOrderValues(currency, quintileRanks);
    this.#rfm = rfmThresholdsOfRanked(ranked, this.deps.clock.now());
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
