import {
  NO_EXPERIMENTS,
  applyVariants,
  assignVariant,
  isImpression,
  type AppliedExperiments,
  type Experiment,
  type ExperimentUnit,
  type ExperimentVariant,
  type ShownParts,
} from '../../domain/experiments/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Identity } from '../../ports/store.js';
import type { ExperimentStore } from '../../ports/experiment-store.js';
import { deviceTypeOf, type CustomerContext, type ExperimentUnitIds } from '../customers/customer-context.js';
import type { ExposureLog } from './exposure-log.js';

/** A unit's variants as this node knows them: experiment id → variant id. */
type Known = Map<string, string>;

export interface ExperimentAssignmentsDeps {
  readonly store: ExperimentStore;
  readonly clock: Clock;
  readonly log: ExposureLog;
  readonly hashId: (identity: Identity) => string;
  /** The running experiments, by id. */
  readonly running: () => readonly Experiment[];
  /** The currency spend before exposure is counted in (the store's). */
  readonly currency: string;
  /** Units whose variants a node keeps in memory at most. */
  readonly cacheSize: number;
}

/**
 * Which variant of each running experiment a viewer gets. A unit's first exposure is stored (off
 * the answer's path), and a stored variant wins over the hash from then on, so nothing done later
 * reshuffles anyone; the variants of every id the unit is known by count (a visitor who signs in
 * keeps their anonymous id's variant: the sign-in links that id to them). What a node learnt of a
 * unit is cached, so a unit seen before costs no store read; a unit new to the node costs one.
 */
export class ExperimentAssignments {
  /** By the unit's ids (all of them, in order): a new link makes a new key, read afresh. Oldest first out. */
  readonly #known = new Map<string, Known>();

  constructor(private readonly deps: ExperimentAssignmentsDeps) {}

  /**
   * The variants of the running experiments this viewer is in, and what they change. A viewer with
   * no analytics consent is in none: not enrolled, not logged, served the control answer.
   */
  async assign(customer: CustomerContext, record = true): Promise<AppliedExperiments> {
    const running = this.deps.running();
    const unit = customer.unit;
    if (running.length === 0 || unit === undefined || !unit.analytics) return NO_EXPERIMENTS;
    const known = await this.#knownOf(unit);
    const now = this.deps.clock.now();
    const facts = factsOf(customer, unit);
    const chosen: { experimentId: string; variant: ExperimentVariant }[] = [];
    for (const experiment of running) {
      if (!isOpen(experiment, now)) continue;
      const stored = known.get(experiment.id);
      const variant =
        stored === undefined
          ? this.#enrol(experiment, facts, unit, known, now, record)
          : experiment.variants.find((candidate) => candidate.id === stored);
      if (variant !== undefined) chosen.push({ experimentId: experiment.id, variant });
    }
    return applyVariants(chosen);
  }

  /**
   * The customer as the answering services see them with their variants applied: `experiments` set,
   * and in a holdout, the customer an anonymous visitor in the same context is (`anonymous`).
   */
  async view(
    customer: CustomerContext,
    anonymous: () => Promise<CustomerContext>,
    /** False for a preview: the variants are worked out, nobody is enrolled or logged. */
    record = true,
  ): Promise<CustomerContext> {
    const applied = await this.assign(customer, record);
    if (applied === NO_EXPERIMENTS) return customer;
    const base = applied.holdout ? await anonymous() : customer;
    // The holdout's answer is an anonymous visitor's, but its impressions are still this unit's.
    const unit = customer.unit === undefined ? {} : { unit: customer.unit };
    return {
      ...base,
      ...unit,
      pricing: { ...base.pricing, priceLists: applied.priceLists },
      experiments: applied,
    };
  }

  /**
   * Counts an impression, for each experiment the viewer is in, of an answer that showed what the
   * experiment tests (see {@link isImpression}); written off the answer's path with the exposures.
   */
  countImpressions(customer: CustomerContext, shown: ShownParts): void {
    const entries = customer.experiments?.entries ?? [];
    const unit = customer.unit;
    if (entries.length === 0 || unit === undefined || !unit.analytics) return;
    const running = this.deps.running();
    const unitKeys = unit.ids.map(this.deps.hashId);
    for (const entry of entries) {
      const experiment = running.find((candidate) => candidate.id === entry.experimentId);
      if (experiment !== undefined && isImpression(experiment, shown)) {
        this.deps.log.recordImpression(experiment.id, unitKeys);
      }
    }
  }

  /** Forgets every unit this node knows (after an erasure: its ids may come back as someone new). */
  forgetAll(): void {
    this.#known.clear();
  }

  #enrol(
    experiment: Experiment,
    facts: ExperimentUnit,
    unit: ExperimentUnitIds,
    known: Known,
    now: number,
    record: boolean,
  ): ExperimentVariant | undefined {
    const assigned = assignVariant(experiment, facts, now);
    if (!assigned.enrolled) return undefined;
    if (!record) return assigned.variant;
    known.set(experiment.id, assigned.variant.id);
    const spend = unit.profile?.stats.lifetimeValue[this.deps.currency];
    this.deps.log.record({
      experimentId: experiment.id,
      unitKey: this.deps.hashId(unit.ids[0] as Identity),
      variant: assigned.variant.id,
      exposedAt: now,
      preRevenue: unit.profile === undefined ? undefined : (spend ?? 0),
    });
    return assigned.variant;
  }

  /** What the store holds for any of the unit's ids (the earliest exposure wins), read once per unit and node. */
  async #knownOf(unit: ExperimentUnitIds): Promise<Known> {
    const key = unit.ids.map((id) => `${id.kind}:${id.value}`).join('\n');
    const cached = this.#known.get(key);
    if (cached !== undefined) {
      this.#known.delete(key);
      this.#known.set(key, cached);
      return cached;
    }
    const stored = await this.deps.store.findAssignments(unit.ids.map(this.deps.hashId));
    stored.sort((a, b) => a.exposedAt - b.exposedAt || a.unitKey.localeCompare(b.unitKey));
    const known: Known = new Map();
    for (const assignment of stored) {
      if (!known.has(assignment.experimentId)) known.set(assignment.experimentId, assignment.variant);
    }
    // What this node gave each id alone may not be written yet (a visitor signing in within the second).
    for (const id of unit.ids) {
      for (const [experimentId, variant] of this.#known.get(`${id.kind}:${id.value}`) ?? []) {
        if (!known.has(experimentId)) known.set(experimentId, variant);
      }
    }
    this.#known.set(key, known);
    if (this.#known.size > this.deps.cacheSize) {
      const oldest = this.#known.keys().next();
      if (oldest.done !== true) this.#known.delete(oldest.value);
    }
    return known;
  }
}

/** The unit as targeting sees it: its own id, the customer's segments and the request's context. */
function factsOf(customer: CustomerContext, unit: ExperimentUnitIds): ExperimentUnit {
  const { context } = customer;
  const text = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);
  const country = text(context.country) ?? text(unit.profile?.traits['country']);
  const channel = text(context.channel);
  const device = text(deviceTypeOf(context));
  return {
    id: (unit.ids[0] as Identity).value,
    segments: new Set(customer.segments),
    ...(country !== undefined && { country }),
    ...(channel !== undefined && { channel }),
    ...(device !== undefined && { device }),
  };
}

function isOpen(experiment: Experiment, now: number): boolean {
  return (
    (experiment.startsAt === undefined || Date.parse(experiment.startsAt) <= now) &&
    (experiment.endsAt === undefined || now < Date.parse(experiment.endsAt))
  );
}
