import { expect } from 'vitest';
import { ERROR_CATALOG } from '../../src/adapters/http/error-catalog.js';

/** Fuzzing's law for every answer: never a 5xx, and every 4xx a problem+json with a catalogued code. */
export function expectProblemUnlessOk(response: {
  status: number;
  headers: Record<string, unknown>;
  json: () => any;
}): void {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(Object.keys(ERROR_CATALOG)).toContain(response.json().code);
  }
}
