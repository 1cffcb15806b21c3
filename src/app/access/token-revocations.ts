import { hash } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { SettingsStore } from '../../ports/key-store.js';
import { followOtherNodes } from '../follow-other-nodes.js';

export interface TokenRevocationsDeps {
  readonly store: SettingsStore;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly nodeId: string;
  /** Customers whose revocation time (or its absence) each node remembers; the oldest leave first. */
  readonly cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 100_000;
const NEVER = 0;

/**
 * When each customer's tokens were last revoked: every token issued before that instant is refused.
 * Kept in the store (settings, keyed by a hash of the userId so no id sits there in clear), remembered
 * per node for the customers it has seen, and announced to the other nodes, which take it at once.
 */
export class TokenRevocations {
  /** Subject hash → epoch ms before which tokens are refused (NEVER: looked up, none). */
  readonly #cache = new Map<string, number>();

  constructor(private readonly deps: TokenRevocationsDeps) {}

  async start(): Promise<void> {
    await followOtherNodes(this.deps.bus, this.deps.nodeId, 'customer-tokens', {
      changed: ({ subject, revokedBefore }) => this.#remember(subject, revokedBefore),
      // What is remembered may predate a lost revocation: read each customer's again when next needed.
      missed: () => this.#cache.clear(),
    });
  }

  /** Revokes every token of `userId` issued before now; answers that instant (epoch ms). */
  async revoke(userId: string): Promise<number> {
    const subject = subjectOf(userId);
    const revokedBefore = this.deps.clock.now();
    await this.deps.store.setSetting(settingOf(subject), String(revokedBefore));
    this.#remember(subject, revokedBefore);
    await this.deps.bus.publish('customer-tokens', { origin: this.deps.nodeId, subject, revokedBefore });
    return revokedBefore;
  }

  /** The instant (epoch ms) before which `userId`'s tokens are refused, or undefined if never revoked. */
  async revokedBefore(userId: string): Promise<number | undefined> {
    const subject = subjectOf(userId);
    let known = this.#cache.get(subject);
    if (known === undefined) {
      const stored = await this.deps.store.getSetting(settingOf(subject));
      known = stored === undefined ? NEVER : instantOf(stored);
      // A revocation announced while the store was read wins over what was read.
      known = Math.max(known, this.#cache.get(subject) ?? NEVER);
      this.#remember(subject, known);
    }
    return known === NEVER ? undefined : known;
  }

  #remember(subject: string, revokedBefore: number): void {
    this.#cache.delete(subject);
    this.#cache.set(subject, revokedBefore);
    if (this.#cache.size > (this.deps.cacheSize ?? DEFAULT_CACHE_SIZE)) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
  }
}

/**
 * A stored revocation instant. One that does not read as one (a hand edit, a torn write) refuses
 * every token of its customer until the next revocation overwrites it: read as "never", it would
 * accept tokens a revocation meant to refuse.
 */
function instantOf(stored: string): number {
  const instant = Number(stored);
  return Number.isSafeInteger(instant) && instant >= 0 ? instant : Number.MAX_SAFE_INTEGER;
}

function subjectOf(userId: string): string {
  return hash('sha256', userId, 'hex');
}

function settingOf(subject: string): string {
  return `customer-tokens.revoked-before.${subject}`;
}
