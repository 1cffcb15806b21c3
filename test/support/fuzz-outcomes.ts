import { expect } from 'vitest';
import { expectProblemUnlessOk } from './problems.js';

interface Tally {
  accepted: number;
  refused: number;
}

/** What a route must have answered for a fuzz run to count: at least so many 2xx and so many 4xx. */
export interface Reach {
  readonly accepted?: number;
  readonly refused?: number;
}

/**
 * Counts fuzzed answers per route. "Never a 5xx" alone passes when every generated request is refused
 * by the schema, so each suite also asserts that enough requests got past validation (2xx) and, where
 * its generators make bad input on purpose, that enough were refused (4xx). fast-check draws a new
 * seed on every run, so each minimum sits far below what the generators give on average (about half
 * or less, several standard deviations away): a miss means a generator broke, not bad luck.
 */
export class FuzzOutcomes {
  readonly #routes = new Map<string, Tally>();

  /** Checks fuzzing's law on `response` (never a 5xx, every 4xx a catalogued problem) and counts it. */
  check<Response extends { status: number; headers: Record<string, unknown>; json: () => any }>(
    route: string,
    response: Response,
  ): Response {
    expectProblemUnlessOk(response);
    this.count(route, response.status);
    return response;
  }

  /** Counts an answer already checked by the caller (a raw `fetch`, say). */
  count(route: string, status: number): void {
    if (status < 300) this.add(route, 1, 0);
    else if (status >= 400 && status < 500) this.add(route, 0, 1);
  }

  /** Counts the parts of one answer that stand alone (the events of a batch). */
  add(route: string, accepted: number, refused: number): void {
    const tally = this.#routes.get(route) ?? { accepted: 0, refused: 0 };
    tally.accepted += accepted;
    tally.refused += refused;
    this.#routes.set(route, tally);
  }

  /** Fails unless `route` reached each minimum; the message carries the counts to retune by. */
  expectReached(route: string, minimum: Reach): void {
    const tally = this.#routes.get(route) ?? { accepted: 0, refused: 0 };
    const counts = `${route}: ${tally.accepted} accepted, ${tally.refused} refused`;
    expect(tally.accepted, counts).toBeGreaterThanOrEqual(minimum.accepted ?? 0);
    expect(tally.refused, counts).toBeGreaterThanOrEqual(minimum.refused ?? 0);
  }
}
