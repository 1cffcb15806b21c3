import { SegmentError, compileSegment, findCycle, type SegmentInput } from '../../domain/segments/index.js';
import type { ActivitySpec } from '../../domain/profiles/index.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import { followOtherNodes, rereadOnChange } from '../follow-other-nodes.js';
import type { UnloadableReport } from '../loadable.js';
import type { SegmentMember, Store, StoredSegment, VersionPrecondition } from '../../ports/store.js';
import type { BackfillRunner } from './backfill-runner.js';
import type { SegmentRegistry } from './segment-registry.js';

export interface SegmentServiceDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly registry: SegmentRegistry;
  readonly backfill: BackfillRunner;
  readonly nodeId: string;
  /** The activity profiles remember now, to see whether a new rule needs more. */
  readonly activitySpec: () => ActivitySpec;
  /** Stored segments that do not load are left out and reported here. */
  readonly reportUnloadable: UnloadableReport;
}

/** Segments: writing them (validated, compiled, no cycles), back-filling them, listing members. */
export class SegmentService {
  constructor(private readonly deps: SegmentServiceDeps) {}

  async start(): Promise<void> {
    const { registry, store, reportUnloadable } = this.deps;
    registry.load(await store.listSegments(), reportUnloadable);
    await followOtherNodes(
      this.deps.bus,
      this.deps.nodeId,
      'segments',
      rereadOnChange(async () => registry.load(await store.listSegments(), reportUnloadable)),
    );
  }

  /**
   * Writes a segment and back-fills it over every existing profile in the background (progress on
   * `backfill`). Rebuilds what profiles remember when the rule counts events they did not keep.
   * @throws DomainError `invalid_rule`, `segment_cycle`, `not_loadable`, `version_conflict`.
   */
  async put(id: string, input: SegmentInput, ifVersion?: VersionPrecondition): Promise<StoredSegment> {
    const { registry, store } = this.deps;
    const draft = { id, ...input };
    const candidate = compileSegment({ ...draft, version: 0, updatedAt: '' });
    const uses = new Map(registry.all().map((compiled) => [compiled.segment.id, compiled.reads.segments]));
    uses.set(id, candidate.reads.segments);
    const cycle = findCycle(uses, id);
    if (cycle !== undefined) {
      throw new SegmentError(
        'segment_cycle',
        `segments would use each other in a circle: ${cycle.join(' → ')}`,
        { pointer: '/rule', cycle },
      );
    }
    registry.check({ ...draft, version: 0, updatedAt: new Date(this.deps.clock.now()).toISOString() });
    const before = this.deps.activitySpec();
    const stored = await store.putSegment(draft, { now: this.deps.clock.now(), ifVersion });
    registry.put(stored);
    await this.deps.bus.publish('segments', { origin: this.deps.nodeId, id });
    const after = this.deps.activitySpec();
    void this.deps.backfill.run({
      change: { eventNames: new Set(), traits: false, segments: new Set([id]) },
      ...(!covers(before, after) && { rebuild: { activity: after } }),
      progress: (state) => store.setBackfill(id, state),
    });
    return stored;
  }

  /** @throws DomainError `segment_not_found`. */
  async get(id: string): Promise<StoredSegment & { members: number }> {
    const segment = await this.deps.store.getSegment(id);
    if (segment === undefined) throw new SegmentError('segment_not_found', `no segment ${id}`, {});
    return { ...segment, members: await this.deps.store.countMembers(id) };
  }

  /** Whether the segment exists (on this node). */
  has(id: string): boolean {
    return this.deps.registry.get(id) !== undefined;
  }

  /** Each segment's member count now, by id: one count of its memberships, no profile read. */
  async sizes(): Promise<{ segmentId: string; members: number }[]> {
    const sizes = [];
    const ids = this.deps.registry.all().map(({ segment }) => segment.id);
    for (const id of ids.sort()) {
      sizes.push({ segmentId: id, members: await this.deps.store.countMembers(id) });
    }
    return sizes;
  }

  /** The segment's member count now. @throws DomainError `segment_not_found`. */
  async size(id: string): Promise<number> {
    if (!this.has(id)) throw new SegmentError('segment_not_found', `no segment ${id}`, {});
    return this.deps.store.countMembers(id);
  }

  list(): Promise<StoredSegment[]> {
    return this.deps.store.listSegments();
  }

  /** @throws DomainError `segment_not_found`, `segment_in_use`, `version_conflict`. */
  async delete(id: string, ifVersion?: VersionPrecondition): Promise<void> {
    if (this.deps.registry.get(id) === undefined)
      throw new SegmentError('segment_not_found', `no segment ${id}`, {});
    const usedBy = this.deps.registry
      .all()
      .filter((compiled) => compiled.reads.segments.has(id))
      .map((compiled) => compiled.segment.id);
    if (usedBy.length > 0)
      throw new SegmentError('segment_in_use', `segments ${usedBy.join(', ')} use ${id}`, { usedBy });
    if (!(await this.deps.store.deleteSegment(id, ifVersion)))
      throw new SegmentError('segment_not_found', `no segment ${id}`, {});
    this.deps.registry.remove(id);
    await this.deps.bus.publish('segments', { origin: this.deps.nodeId, id });
  }

  /** @throws DomainError `segment_not_found`. */
  async members(id: string, afterProfileId: string | undefined, limit: number): Promise<SegmentMember[]> {
    if (this.deps.registry.get(id) === undefined)
      throw new SegmentError('segment_not_found', `no segment ${id}`, {});
    return this.deps.store.members(id, afterProfileId, limit);
  }
}

/** True when what `held` remembers already covers what `wanted` needs (events, properties, how far back). */
export function covers(held: ActivitySpec, wanted: ActivitySpec): boolean {
  for (const [name, properties] of wanted.events) {
    const kept = held.events.get(name);
    if (kept === undefined || [...properties].some((property) => !kept.has(property))) return false;
  }
  if (held.horizonMs === null) return true;
  return wanted.horizonMs !== null && wanted.horizonMs <= held.horizonMs;
}
