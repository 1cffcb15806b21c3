import { DomainError } from '../shared/index.js';

/** Codes raised by experiments. */
export type ExperimentErrorCode = 'invalid_experiment' | 'experiment_not_found' | 'experiment_running';

/** An error raised by experiments: its constructor takes only the codes above. */
export class ExperimentError extends DomainError {
  declare readonly code: ExperimentErrorCode;

  constructor(code: ExperimentErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
