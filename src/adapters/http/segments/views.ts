import type { SegmentRegistry } from '../../../app/segments/segment-registry.js';
import type { SegmentMember, StoredSegment } from '../../../ports/store.js';

/** A segment as answered: whether it reads the request context, and its member count when known. */
export function segmentView(segment: StoredSegment, registry: SegmentRegistry, members?: number) {
  return {
    ...segment,
    contextual: registry.isContextual(segment.id),
    ...(members !== undefined && { members }),
  };
}

/** A segment member as answered: since when, as ISO 8601. */
export function memberView(member: SegmentMember) {
  return {
    userId: member.userId,
    anonymousIds: member.anonymousIds,
    since: new Date(member.since).toISOString(),
  };
}
