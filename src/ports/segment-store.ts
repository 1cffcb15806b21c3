import type { Segment, SegmentDraft } from '../domain/segments/index.js';
import type { VersionPrecondition, WriteOptions } from './catalog-store.js';

/** Progress of a back-fill: a segment evaluated over every existing profile. */
export interface BackfillState {
  readonly status: 'running' | 'done' | 'failed';
  readonly processed: number;
  readonly total: number;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly error?: string;
}

export interface StoredSegment extends Segment {
  readonly backfill?: BackfillState;
}

/** A member of a segment: how a client knows the customer, and since when they are in. */
export interface SegmentMember {
  readonly profileId: string;
  readonly userId: string | null;
  readonly anonymousIds: readonly string[];
  /** Epoch ms. */
  readonly since: number;
}

export interface SegmentStore {
  /** @throws DomainError `version_conflict`. */
  putSegment(draft: SegmentDraft, options: WriteOptions): Promise<StoredSegment>;
  getSegment(id: string): Promise<StoredSegment | undefined>;
  listSegments(): Promise<StoredSegment[]>;
  /** Deletes the segment and its memberships; false when it did not exist. */
  deleteSegment(id: string, ifVersion?: VersionPrecondition): Promise<boolean>;
  setBackfill(id: string, state: BackfillState): Promise<void>;
  /** Members in profile-id order, after `afterProfileId`. */
  members(segmentId: string, afterProfileId: string | undefined, limit: number): Promise<SegmentMember[]>;
  countMembers(segmentId: string): Promise<number>;
  /** Every scheduled re-check (start-up fills the scheduler from it). */
  dueChecks(): Promise<{ profileId: string; dueAt: number }[]>;
}
