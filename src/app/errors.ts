/** Codes raised by application services themselves (not by a domain module). */
export type AppErrorCode =
  'webhook_not_found' | 'webhook_target_refused' | 'loyalty_program_not_found' | 'too_many_streams';
