/**
 * Codes the HTTP edge raises itself: request shape, auth, routing and failures. The edge may also
 * answer with any other module's code (through `HttpProblem`), but declares only these.
 */
export type EdgeErrorCode =
  | 'invalid_json'
  | 'empty_body'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unknown_field'
  | 'read_only_mismatch'
  | 'missing_field'
  | 'invalid_type'
  | 'invalid_format'
  | 'invalid_value'
  | 'out_of_range'
  | 'nesting_too_deep'
  | 'too_many_items'
  | 'too_many_events'
  | 'invalid_if_match'
  | 'unauthorized'
  | 'header_key_required'
  | 'rate_limited'
  | 'stream_quota_exceeded'
  | 'forbidden'
  | 'csrf_token_required'
  | 'invalid_webhook_signature'
  | 'route_not_found'
  | 'order_not_found'
  | 'method_not_allowed'
  | 'invalid_url'
  | 'not_ready'
  | 'internal_error';
