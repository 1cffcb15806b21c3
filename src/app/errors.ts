import { DomainError } from '../domain/shared/index.js';

/**
 * Codes raised by application services themselves (not by a domain module): resources the app keeps
 * without a domain module, node limits, and its own cursors.
 */
export type AppErrorCode =
  | 'webhook_not_found'
  | 'webhook_target_refused'
  | 'loyalty_program_not_found'
  | 'too_many_streams'
  | 'invalid_cursor'
  | 'not_loadable'
  | 'key_not_found'
  | 'key_retiring'
  | 'user_not_found'
  | 'email_taken'
  | 'weak_password'
  | 'invalid_email'
  | 'invalid_role'
  | 'invalid_credentials';

/**
 * An error raised by an application service: its constructor takes only the codes above. It is a
 * {@link DomainError}, so the edge answers it like any other refused operation.
 */
export class AppError extends DomainError {
  declare readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
