import { DomainError } from '../shared/index.js';

/** Codes raised by journeys. */
export type JourneyErrorCode = 'invalid_journey' | 'journey_not_found';

/** An error raised by journeys: its constructor takes only the codes above. */
export class JourneyError extends DomainError {
  declare readonly code: JourneyErrorCode;

  constructor(code: JourneyErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
