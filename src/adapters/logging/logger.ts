import { pino, type Logger } from 'pino';
import type { LogLevel } from '../../config/schema.js';

/**
 * Structured JSON logs. Request lines carry the request id; credentials never reach a log: requests
 * are logged by method and redacted URL only, and any field named like a secret is masked.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers.authorization',
        '*.headers.authorization',
        'secretKey',
        '*.secretKey',
        'token',
        '*.token',
        'key',
        '*.key',
      ],
      censor: '[redacted]',
    },
  });
}
