import type { CatalogErrorCode } from '../../domain/catalog/index.js';
import type { ProfileErrorCode } from '../../domain/profiles/index.js';
import type { SegmentErrorCode } from '../../domain/segments/index.js';
import type { PricingErrorCode } from '../../domain/pricing/index.js';
import type { PromotionErrorCode } from '../../domain/promotions/index.js';
import type { ContentErrorCode } from '../../domain/content/index.js';
import type { ExperimentErrorCode } from '../../domain/experiments/index.js';
import type { JourneyErrorCode } from '../../domain/journeys/index.js';
import type { RankingErrorCode } from '../../domain/ranking/index.js';
import type { AppErrorCode } from '../../app/errors.js';
import type { SharedErrorCode } from '../../domain/shared/index.js';
import type { EdgeErrorCode } from './errors.js';

/**
 * Every `code` an Attune problem can carry: the union of the codes each layer declares in its own
 * errors.ts. Codes are never renamed or reused for another meaning, because clients branch on them.
 */
export type ErrorCode =
  | EdgeErrorCode
  | AppErrorCode
  | SharedErrorCode
  | CatalogErrorCode
  | ProfileErrorCode
  | SegmentErrorCode
  | PricingErrorCode
  | PromotionErrorCode
  | ContentErrorCode
  | ExperimentErrorCode
  | JourneyErrorCode
  | RankingErrorCode;

export interface ErrorEntry {
  readonly status: number;
  readonly title: string;
}

/**
 * The one table from error codes to HTTP statuses and titles. Typed as a complete record, so a code
 * a module declares does not compile until it has a row here, and a row for a code no module declares
 * does not compile either (an object literal may not carry unknown keys). docs/errors.md lists the
 * same codes; a test keeps the two in step.
 */
export const ERROR_CATALOG: Readonly<Record<ErrorCode, ErrorEntry>> = {
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  empty_body: { status: 400, title: 'The body is empty' },
  unsupported_media_type: { status: 415, title: 'The body must be JSON' },
  payload_too_large: { status: 413, title: 'The body is too large' },
  unknown_field: { status: 400, title: 'The request has a field this route does not know' },
  read_only_mismatch: {
    status: 400,
    title: 'A read-only field names another document than the path',
  },
  missing_field: { status: 400, title: 'A required field is missing' },
  invalid_type: { status: 400, title: 'A field has the wrong type' },
  invalid_format: { status: 400, title: 'A field is not in the expected format' },
  invalid_value: { status: 400, title: 'A field has a value that is not allowed' },
  out_of_range: { status: 400, title: 'A number or length is out of range' },
  too_many_items: { status: 400, title: 'A list has too many items' },
  nesting_too_deep: { status: 400, title: 'The JSON nests too deep (at most 32 levels)' },
  too_many_events: { status: 413, title: 'A batch holds at most 500 events' },
  invalid_cursor: { status: 400, title: 'The pagination cursor is not valid' },
  invalid_if_match: { status: 400, title: 'The If-Match header is not a version' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'This key may not do that' },
  csrf_token_required: {
    status: 403,
    title: 'A change made with a console session needs the CSRF token its sign-in answered',
  },
  invalid_webhook_signature: {
    status: 401,
    title: 'The webhook is not signed with the receiver’s secret, or its timestamp is too far off',
  },
  invalid_credentials: { status: 401, title: 'The email or the password is wrong' },
  key_not_found: { status: 404, title: 'No such API key, or it is revoked already' },
  key_retiring: { status: 409, title: 'The key was rotated already and retires soon' },
  user_not_found: { status: 404, title: 'No such console user' },
  email_taken: { status: 409, title: 'A console user has this email already' },
  weak_password: { status: 400, title: 'A password has 12 to 256 characters' },
  invalid_email: { status: 400, title: 'Not an email address' },
  invalid_role: { status: 400, title: 'A role is admin, editor or viewer' },
  rate_limited: { status: 429, title: 'Too many requests; retry after the time Retry-After gives' },
  stream_quota_exceeded: { status: 429, title: 'This client holds as many live streams as it may' },
  header_key_required: {
    status: 401,
    title: 'A body over 64 KiB (or of unknown length) needs its key in the Authorization header',
  },
  route_not_found: { status: 404, title: 'No such route' },
  method_not_allowed: {
    status: 405,
    title: 'The route does not answer this method; Allow lists those it does',
  },
  invalid_url: { status: 400, title: 'The URL is not well formed' },
  not_ready: { status: 503, title: 'The service is not ready' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
  invalid_money: { status: 400, title: 'Money must be a whole, non-negative number of minor units' },
  unknown_currency: { status: 400, title: 'Not an ISO 4217 currency code' },
  currency_mismatch: { status: 400, title: 'The currency does not fit here' },
  invalid_id: { status: 400, title: 'Ids are 1-128 characters of A-Z a-z 0-9 . _ : -' },
  not_loadable: { status: 400, title: 'The object would not load once stored, so it is refused' },
  invalid_text: {
    status: 400,
    title: 'A string holds a NUL character or an unpaired surrogate, which no store can keep',
  },
  product_not_found: { status: 404, title: 'No such product' },
  collection_not_found: { status: 404, title: 'No such collection' },
  invalid_category: { status: 400, title: 'Not a category path' },
  version_conflict: { status: 412, title: 'The resource has changed since that version' },
  invalid_price_range: { status: 400, title: 'The price range is inverted' },
  invalid_collection: { status: 400, title: 'A collection needs either productIds or filter' },
  duplicate_id: { status: 400, title: 'An id appears twice' },
  missing_id: { status: 400, title: 'An event needs a userId or an anonymousId' },
  invalid_user_id: { status: 400, title: 'A userId or anonymousId must be a short string' },
  unknown_event_type: { status: 400, title: 'Not a Segment call type' },
  missing_event_name: { status: 400, title: 'A track call needs an event name' },
  invalid_timestamp: { status: 400, title: 'Not an ISO 8601 date-time with a time zone' },
  timestamp_in_future: { status: 400, title: 'The event is dated in the future' },
  invalid_quantity: { status: 400, title: 'A quantity must be a finite, non-negative number' },
  invalid_event: { status: 400, title: 'The event is malformed' },
  event_too_large: { status: 413, title: 'An event may be at most 128 KB' },
  server_event_only: { status: 403, title: "Order events come only from the merchant's server (secret key)" },
  profile_not_found: { status: 404, title: 'No such profile' },
  invalid_loyalty_program: { status: 400, title: 'The loyalty program is not valid' },
  invalid_rule: { status: 400, title: 'The segment rule is not valid' },
  segment_cycle: { status: 400, title: 'Segments would use each other in a circle' },
  segment_not_found: { status: 404, title: 'No such segment' },
  segment_in_use: { status: 409, title: 'Other segments use this segment' },
  webhook_not_found: { status: 404, title: 'No such webhook' },
  invalid_price_list: { status: 400, title: 'The price list is not valid' },
  price_list_not_found: { status: 404, title: 'No such price list' },
  loyalty_program_not_found: { status: 404, title: 'The store has no loyalty program' },
  webhook_target_refused: { status: 400, title: 'Webhooks may not be sent to that address' },
  invalid_promotion: { status: 400, title: 'The promotion is not valid' },
  promotion_not_found: { status: 404, title: 'No such promotion' },
  order_not_found: { status: 404, title: 'No such order' },
  coupon_taken: { status: 409, title: 'The coupon code belongs to another promotion' },
  coupon_redeemed: { status: 409, title: 'The single-use coupon code has been redeemed' },
  budget_exhausted: { status: 409, title: "The coupon's promotion has run out of budget or redemptions" },
  customer_limit: { status: 409, title: 'The customer has used this promotion as often as it allows' },
  order_conflict: { status: 409, title: 'The orderId was used for another order' },
  invalid_content_slot: { status: 400, title: 'The content slot is not valid' },
  content_slot_not_found: { status: 404, title: 'No such content slot' },
  invalid_experiment: { status: 400, title: 'The experiment is not valid' },
  experiment_not_found: { status: 404, title: 'No such experiment' },
  experiment_running: {
    status: 409,
    title: 'The experiment is running: its variants and weights cannot change; stop it and start a new one',
  },
  invalid_journey: { status: 400, title: 'The journey is not valid' },
  journey_not_found: { status: 404, title: 'No such journey' },
  invalid_listing_rules: { status: 400, title: 'The listing rules are not valid' },
  too_many_streams: { status: 503, title: 'This node holds as many live streams as it may' },
  cart_item_unavailable: {
    status: 422,
    title: 'A cart item cannot be sold (unknown, or not priced in the currency)',
  },
};

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOG, code);
}
