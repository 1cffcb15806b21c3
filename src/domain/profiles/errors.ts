import { DomainError } from '../shared/index.js';

/** Codes raised while reading events and keeping profiles. */
export type ProfileErrorCode =
  | 'missing_id'
  | 'invalid_user_id'
  | 'unknown_event_type'
  | 'missing_event_name'
  | 'invalid_timestamp'
  | 'timestamp_in_future'
  | 'invalid_quantity'
  | 'invalid_event'
  | 'event_too_large'
  | 'server_event_only'
  | 'profile_not_found'
  | 'invalid_loyalty_program';

/**
 * An error raised by event reading and profiles: its constructor takes only the codes above, so a
 * typo does not compile.
 */
export class ProfileError extends DomainError {
  declare readonly code: ProfileErrorCode;

  constructor(code: ProfileErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
