import type { Generated } from 'kysely';
import type { TotalsColumn } from '../migrations/totals-columns.js';

/** Table shapes shared by the SQLite and PostgreSQL stores. Times are epoch milliseconds. */
export interface Database {
  products: VersionedTable;
  inventory: InventoryTable;
  collections: VersionedTable;
  api_keys: ApiKeyTable;
  settings: SettingTable;
  profiles: ProfileTable;
  profile_values: ProfileValueTable;
  identities: IdentityTable;
  events: EventTable;
  orders: OrderTable;
  profile_merges: ProfileMergeTable;
  erasures: ErasureTable;
  segments: SegmentTable;
  webhooks: VersionedTable;
  segment_members: SegmentMemberTable;
  profile_checks: ProfileCheckTable;
  webhook_outbox: OutboxTable;
  price_lists: VersionedTable;
  price_history: PriceHistoryTable;
  promotions: VersionedTable;
  content_slots: VersionedTable;
  decisions: DecisionTable;
  coupons: CouponTable;
  promotion_usage: PromotionUsageTable;
  customer_usage: CustomerUsageTable;
  checkout_orders: CheckoutOrderTable;
  relayed_messages: RelayedMessageTable;
  experiments: VersionedTable;
  experiment_units: ExperimentUnitTable;
  experiment_totals: ExperimentTotalsTable;
  derived_state_snapshots: SnapshotTable;
  derived_state_snapshot_parts: SnapshotPartTable;
  analytics_daily: AnalyticsDailyTable;
  console_users: ConsoleUserTable;
  console_sessions: ConsoleSessionTable;
  audit_log: AuditLogTable;
  journeys: VersionedTable;
  journey_steps: JourneyStepTable;
}

/** A planned journey step: waiting (`pending`), leased by a node, or finished with its outcome. */
export interface JourneyStepTable {
  id: string;
  journey_id: string;
  step_id: string;
  occurrence: string;
  profile_id: string;
  user_id: string;
  trigger_at: number;
  due_at: number;
  /** The trigger's context (`TriggerContext`) as JSON. */
  context: string;
  status: string;
  reason: string | null;
  /** The lease of the node handling it: only the holder of this token may finish it. */
  claim_token: string | null;
  claimed_until: number | null;
  finished_at: number | null;
  coupon_code: string | null;
  /** Orders attributed to the message (or to the holdout row), and their revenue in minor units. */
  orders: Generated<number>;
  revenue: Generated<number>;
}

/** A unit's variant in one experiment and its outcome so far (a `UnitOutcome` as JSON). */
export interface ExperimentUnitTable {
  experiment_id: string;
  /** The salted hash of the unit's id, as erasure keys it. */
  unit_key: string;
  variant: string;
  exposed_at: number;
  outcome: string;
}

/** A variant's sufficient statistics (`VariantTotals`), one column per field. */
export type ExperimentTotalsTable = { experiment_id: string; variant: string } & Record<TotalsColumn, number>;

export interface CouponTable {
  /** Normalised: trimmed, upper-case. */
  code: string;
  promotion_id: string;
  /** 1 or 0: SQLite has no boolean. */
  single_use: number;
  /** 1 when the promotion lists the code itself (a re-write may drop it), 0 when generated. */
  listed: number;
  redeemed_at: number | null;
  order_id: string | null;
  /** A personal code (journeys): the salted hash of the one customer who may use it. */
  customer_key?: string | null;
  /** Epoch ms after which a personal code no longer applies. */
  expires_at?: number | null;
}

/** What a promotion has given, beside the limits it may not pass (null: none). */
export interface PromotionUsageTable {
  promotion_id: string;
  discount_given: number;
  redemptions: number;
  budget: number | null;
  max_redemptions: number | null;
}

export interface CustomerUsageTable {
  promotion_id: string;
  /** A salted hash of the customer's id. */
  customer_key: string;
  redemptions: number;
}

export interface CheckoutOrderTable {
  order_id: string;
  request_hash: string;
  answer: string;
  created_at: number;
  /** The salted hash of the customer's id (as `customer_usage` keys it), so erasure finds the order; null without a customer. */
  customer_key: string | null;
}

/** What a price list or a base price was, and from when until when (null: still). */
export interface PriceHistoryTable {
  /** `list` or `base`. */
  kind: string;
  ref_id: string;
  doc: string;
  valid_from: number;
  valid_to: number | null;
}

export interface SegmentTable extends VersionedTable {
  /** Back-fill progress as JSON, or null before the first. */
  backfill: string | null;
}

export interface SegmentMemberTable {
  segment_id: string;
  profile_id: string;
  since: number;
}

/** When a profile's time windows next need a look. */
export interface ProfileCheckTable {
  profile_id: string;
  due_at: number;
}

export interface OutboxTable {
  id: string;
  webhook_id: string;
  type: string;
  payload: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  /** A delivering node's lease on the row, so two nodes do not send it at once. */
  claimed_until: number | null;
  delivered_at: number | null;
  last_error: string | null;
  /** The profile the message is about, so erasure finds it (and a merge moves it). */
  profile_id: string | null;
}

export interface ProfileTable {
  id: string;
  user_id: string | null;
  version: number;
  /** The profile as JSON. */
  doc: string;
  updated_at: number;
  /** Copied from the document when it is written, indexed: the RFM quintiles read it (see `profile_values`). */
  order_count: number;
  /** Epoch ms of the latest order, as the document says; null before the first. */
  last_order_at: number | null;
}

/** A profile's lifetime value in one currency, copied from its document when it is written (once it has ordered). */
export interface ProfileValueTable {
  profile_id: string;
  currency: string;
  amount: number;
}

export interface IdentityTable {
  /** `user` or `anon`. */
  kind: string;
  value: string;
  profile_id: string;
  created_at: number;
}

/** One outcome counter for one UTC day (see migration 0013); `slot` and `strategy` are '' when unused. */
export interface AnalyticsDailyTable {
  metric: string;
  day: number;
  slot: string;
  strategy: string;
  value: number;
}

export interface DecisionTable {
  id: string;
  profile_id: string | null;
  at: number;
  shown: string;
}

export interface EventTable {
  seq: Generated<number>;
  message_id: string;
  profile_id: string;
  type: string;
  name: string | null;
  ts: number;
  received_at: number;
  /** The event as JSON. */
  doc: string;
}

export interface OrderTable {
  order_id: string;
  profile_id: string;
  message_id: string;
  currency: string;
  amount: number;
  ts: number;
  /** `event` (a tracked Order Completed) or `api` (POST /v1/orders). */
  source: string;
}

export interface ProfileMergeTable {
  from_profile_id: string;
  to_profile_id: string;
  at: number;
}

export interface ErasureTable {
  /** HMAC-SHA-256 of an erased id under the store's salt; never the id itself. */
  id_hash: string;
  erased_at: number;
}

/** Products and collections share one shape: the record as JSON, a version for `If-Match`, a time. */
export interface VersionedTable {
  id: string;
  /** The draft as JSON (everything but id, version and time). */
  doc: string;
  version: number;
  updated_at: number;
}

export interface InventoryTable {
  product_id: string;
  location: string;
  available: number;
  updated_at: number;
}

export interface ApiKeyTable {
  id: string;
  kind: string;
  key_hash: string;
  publishable_key: string | null;
  label: string;
  created_at: number;
  revoked_at: number | null;
}

export interface ConsoleUserTable {
  id: string;
  /** Trimmed, lower-case. */
  email: string;
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, base64url. */
  password_hash: string;
  role: string;
  created_at: number;
}

export interface ConsoleSessionTable {
  /** SHA-256 of the session id the cookie carries, hex. */
  id_hash: string;
  user_id: string;
  /** SHA-256 of the CSRF token, hex. */
  csrf_hash: string;
  created_at: number;
  last_seen_at: number;
  /** The absolute end of the session, whatever its activity. */
  expires_at: number;
}

export interface AuditLogTable {
  /** Sorts by time: the time in base 36, fixed width, then random. */
  id: string;
  at: number;
  actor_type: string;
  actor_id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  /** JSON, or null for a create. */
  before: string | null;
  /** JSON, or null for a delete. */
  after: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface RelayedMessageTable {
  seq: Generated<number>;
  topic: string;
  payload: string;
  created_at: number;
}

export interface SnapshotTable {
  /** Sorts in the order snapshots were begun (see `snapshotId`). */
  id: string;
  format: number;
  created_at: number;
  parts: number;
  bytes: number;
  /** What the format says about the snapshot (its log position, ...), as JSON. */
  meta: string;
}

export interface SnapshotPartTable {
  snapshot_id: string;
  part: number;
  data: Uint8Array;
}
