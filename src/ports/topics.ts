import type { Interaction, ProfileMerge } from '../domain/recommendations/index.js';
import type { Identity } from './profile-store.js';

/**
 * What travels on the bus: each topic and the one payload it carries. Payloads cross Redis as JSON,
 * so they hold only JSON values (no Map, Set, Date or functions; an optional field is absent, never
 * `undefined`); {@link TopicMap} checks that at compile time. The store stays the system of record:
 * a message says what changed, subscribers re-read what they need.
 */
export interface Topics {
  readonly catalog: CatalogChanged;
  readonly prices: PriceListChanged;
  readonly promotions: PromotionChanged;
  readonly content: ContentChanged;
  readonly experiments: ExperimentChanged;
  readonly journeys: JourneyChanged;
  readonly listings: ListingRulesChanged;
  readonly segments: SegmentChanged;
  readonly loyalty: LoyaltyProgramChanged;
  readonly webhooks: WebhookChanged;
  readonly profiles: ProfilesChanged;
  readonly erasures: ProfileErased;
  readonly recommendations: MerchandisingChanged;
  readonly 'recommendations.lessons': LessonsLearnt;
  readonly keys: KeyCreated;
  readonly 'customer-tokens': CustomerTokensRevoked;
}

/** A topic of Attune's bus. */
export type Topic = keyof Topics;

/** A message a node publishes about a change it has already applied to its own memory. */
export interface FromNode {
  /** The publishing node's id: that node skips its own message (see `followOtherNodes`). */
  readonly origin: string;
}

/** The topics whose messages carry their origin (all but `keys`, which every node reloads). */
export type NodeTopic = { [K in Topic]: Topics[K] extends FromNode ? K : never }[Topic];

/** What part of the catalogue changed. */
export type CatalogChangeKind = 'products' | 'stock' | 'collections';

export interface CatalogChanged extends FromNode {
  readonly kind: CatalogChangeKind;
  readonly ids: readonly string[];
}

export interface PriceListChanged extends FromNode {
  readonly id: string;
}

export interface PromotionChanged extends FromNode {
  readonly id: string;
}

export type ContentChanged = FromNode;

/** An experiment was written or deleted: other nodes read the experiments again. */
export interface ExperimentChanged extends FromNode {
  readonly id: string;
}

/** A journey was written or deleted: other nodes read the journeys again. */
export interface JourneyChanged extends FromNode {
  readonly id: string;
}

export type ListingRulesChanged = FromNode;

export interface SegmentChanged extends FromNode {
  readonly id: string;
}

export type LoyaltyProgramChanged = FromNode;

export interface WebhookChanged extends FromNode {
  readonly id: string;
}

/** A profile's next re-evaluation for time windows (epoch ms), or null when none is due. */
export interface DueCheck {
  readonly profileId: string;
  readonly dueAt: number | null;
}

/**
 * Profiles changed in the store (by ingestion or a re-evaluation): other nodes drop them from their
 * cache, schedule their window checks and look at open pages again.
 */
export interface ProfilesChanged extends FromNode {
  /** Profiles written, and profiles merged away. */
  readonly profileIds: readonly string[];
  /** Ids newly linked to a profile (a cached "unknown id" must be forgotten). */
  readonly identities: readonly Identity[];
  readonly checks: readonly DueCheck[];
}

/** A customer was erased: other nodes forget the profile, its ids and its part in the models. */
export interface ProfileErased extends FromNode {
  readonly profileId: string;
  readonly identities: readonly Identity[];
}

export type MerchandisingChanged = FromNode;

/** What one event teaches the recommendation models, as it crosses the bus to other nodes. */
export interface Lesson {
  readonly messageId: string;
  /** The profile it is about (an erased one's late lessons are dropped). */
  readonly profileId: string;
  /** An order is learnt once by its id, however many times it arrives. */
  readonly orderId?: string;
  readonly interactions: readonly Interaction[];
}

/** What a node learnt from a commit, so the other nodes' online models learn it too. */
export interface LessonsLearnt extends FromNode {
  readonly lessons: readonly Lesson[];
  readonly merges: readonly ProfileMerge[];
}

/** A key was made (here or by another node): every node reloads its keys from the store. */
/** A customer's tokens issued before `revokedBefore` no longer count. */
export interface CustomerTokensRevoked extends FromNode {
  /** SHA-256 (hex) of the userId: the id itself does not travel on the bus. */
  readonly subject: string;
  /** Epoch milliseconds. */
  readonly revokedBefore: number;
}

export interface KeyCreated {
  readonly keyId: string;
}

/**
 * A value as it comes out of `JSON.parse(JSON.stringify(value))`: functions, Maps, Sets, Dates and
 * bigints become `never`, so a payload holding one no longer matches itself.
 */
export type JsonSafe<T> = T extends string | number | boolean | null
  ? T
  : T extends readonly (infer Item)[]
    ? readonly JsonSafe<Item>[]
    : T extends (...args: never[]) => unknown
      ? never
      : T extends object
        ? { readonly [K in keyof T]: JsonSafe<T[K]> }
        : never;

/** A map of topic → payload whose payloads are all JSON-safe: what an `EventBus` may carry. */
export type TopicMap<T> = { readonly [K in keyof T]: JsonSafe<T[K]> };
