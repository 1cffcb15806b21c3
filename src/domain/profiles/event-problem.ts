import type { SharedErrorCode } from '../shared/index.js';
import type { ProfileErrorCode } from './errors.js';

/** Why an event was refused: a stable code and the JSON pointer of the field, relative to the event. */
export interface EventProblem {
  readonly code: ProfileErrorCode | SharedErrorCode;
  readonly pointer: string;
  readonly detail: string;
}

/** Thrown inside event reading and caught at its entry point, which returns it as a value. */
export class EventRejection extends Error {
  constructor(readonly problem: EventProblem) {
    super(problem.detail);
  }
}

export function reject(code: EventProblem['code'], pointer: string, detail: string): never {
  throw new EventRejection({ code, pointer, detail });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `names` present on `record` (Segment writes snake_case, many clients camelCase). */
export function pick(
  record: Readonly<Record<string, unknown>>,
  ...names: string[]
): { name: string; value: unknown } | undefined {
  for (const name of names)
    if (record[name] !== undefined && record[name] !== null) return { name, value: record[name] };
  return undefined;
}
