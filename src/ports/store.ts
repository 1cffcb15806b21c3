import type { AnalyticsStore } from './analytics-store.js';
import type { AuditStore } from './audit-store.js';
import type { CatalogStore } from './catalog-store.js';
import type { ConsoleStore } from './console-store.js';
import type { ContentStore } from './content-store.js';
import type { DecisionStore } from './decision-store.js';
import type { ExperimentStore } from './experiment-store.js';
import type { JourneyStore } from './journey-store.js';
import type { KeyStore, SettingsStore } from './key-store.js';
import type { PriceStore } from './price-store.js';
import type { ProfileStore } from './profile-store.js';
import type { PromotionStore } from './promotion-store.js';
import type { RelayStore } from './relay-store.js';
import type { SegmentStore } from './segment-store.js';
import type { SnapshotStore } from './snapshot-store.js';
import type { WebhookStore } from './webhook-store.js';

/**
 * The system of record. Every write resolves only once it is durable (SQLite WAL with full sync,
 * PostgreSQL commit). Storage returns candidates and records; business rules stay in TypeScript.
 */
export interface Store
  extends
    CatalogStore,
    KeyStore,
    SettingsStore,
    ProfileStore,
    SegmentStore,
    WebhookStore,
    PriceStore,
    PromotionStore,
    ContentStore,
    DecisionStore,
    RelayStore,
    ExperimentStore,
    SnapshotStore,
    AnalyticsStore,
    ConsoleStore,
    AuditStore,
    JourneyStore {
  /** `sqlite` or `postgres`, for logs and readiness. */
  readonly kind: string;
  /** Brings the schema up to date. Safe to run on every start and from several nodes at once. */
  migrate(): Promise<void>;
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type {
  CatalogSnapshot,
  CatalogStore,
  StockRecord,
  VersionPrecondition,
  WriteOptions,
} from './catalog-store.js';
export type { ApiKeyKind, ApiKeyRecord, KeyStore, SettingsStore } from './key-store.js';
export {
  WriteConflict,
  type Erasure,
  type ErasureCounts,
  type GiveWay,
  type Identity,
  type IdentityKind,
  type IdentityLink,
  type MembershipChange,
  type OutboxEntry,
  type OrderRecord,
  type ProfileStore,
  type ProfileTransaction,
  type ProfileWrite,
  type StoredEvent,
  type TrackEventPage,
  type TransactionOptions,
  type VersionedProfile,
} from './profile-store.js';
export type { BackfillState, SegmentMember, SegmentStore, StoredSegment } from './segment-store.js';
export {
  WEBHOOK_EVENTS,
  type OutboxMessage,
  type Webhook,
  type WebhookDraft,
  type WebhookEventType,
  type WebhookStore,
} from './webhook-store.js';
export type { PriceHistorySince, PriceStore } from './price-store.js';
export type { ContentStore } from './content-store.js';
export type { DecisionRecord, DecisionStore } from './decision-store.js';
export type { RelayedMessage, RelayStore } from './relay-store.js';
export type { ExperimentStore, Exposure, UnitAssignment } from './experiment-store.js';
export type {
  ClaimedStep,
  JourneyStore,
  PersonalCoupon,
  ScheduledStep,
  SendCheck,
  StepFinish,
  StepOutcome,
  StepRecord,
  StepStatus,
} from './journey-store.js';
export type { LogWatermark, SnapshotHeader, SnapshotStore } from './snapshot-store.js';
export type { OrderRedemption, PromotionStore, Redemption, RedemptionResult } from './promotion-store.js';
