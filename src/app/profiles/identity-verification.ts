import type { TrackedEvent } from '../../domain/profiles/index.js';
import type { Identity, Store } from '../../ports/store.js';
import { withoutIdentityChanges } from './identity-changes.js';
import { identitiesOf } from './ingest-batch.js';
import type { ProfileCache } from './profile-cache.js';

/** A part of an accepted event that was not applied, by the event's position in what was submitted. */
export interface IgnoredChange {
  readonly index: number;
  /** Why: the only reason so far is a missing or wrong customer token. */
  readonly reason: 'customer_token_required';
  /** The part left out, relative to the event: `/context/consent`, `/traits`, `/anonymousId`, `/previousId`. */
  readonly pointer: string;
}

export interface IdentityVerificationDeps {
  readonly store: Pick<Store, 'findProfileId' | 'getProfile'>;
  readonly cache: ProfileCache;
  /** The userId a valid customer token names; undefined for anything else. */
  readonly verifyToken: (token: string | undefined) => Promise<string | undefined>;
}

/** An event as read, with where it stood in the submission. */
export interface IndexedEvent {
  readonly index: number;
  readonly event: TrackedEvent;
  /**
   * Set on an untrusted event that still changes identity once checked: whom its token proved
   * (undefined: none), so the commit can take the decision again inside its transaction.
   */
  readonly verifiedAs?: { readonly customer: string | undefined };
}

/**
 * Identity verification for events, as Braze and Intercom verify theirs: the publishable key is
 * public, so with it alone anyone could name a known customer. An event sent with it that would
 * change a known customer's (a profile with a userId) consent, traits or identity links applies
 * those parts only with that customer's token (`X-Customer-Token`, or `context.customerToken` for
 * SDKs that cannot set headers); without it the behaviour it carries is kept, the rest is left out
 * and reported. Secret-key callers are the merchant's server: trusted. Unknown customers and
 * anonymous visitors need no token, so sign-up from the browser works as before.
 *
 * This check reads outside the commit's transaction, so an identify committed after it (on any
 * node, or earlier in the same group commit) could make its answer stale: each event it lets
 * through with identity changes carries whom its token proved (`verifiedAs`), and the commit takes
 * the decision again on what its transaction reads (`guardIdentityChanges`), reporting what
 * it leaves out the same way.
 */
export class IdentityVerification {
  constructor(private readonly deps: IdentityVerificationDeps) {}

  /**
   * The events as they may be applied (never with the token in their context, which is a
   * credential and is not stored), and what was left out of them.
   */
  async check(
    events: readonly IndexedEvent[],
    options: { readonly trusted: boolean; readonly customerToken?: string },
  ): Promise<{ events: IndexedEvent[]; ignored: IgnoredChange[] }> {
    const verified = new Map<string | undefined, Promise<string | undefined>>();
    const verify = (token: string | undefined) => {
      let found = verified.get(token);
      if (found === undefined) verified.set(token, (found = this.deps.verifyToken(token)));
      return found;
    };
    const kept: IndexedEvent[] = [];
    const ignored: IgnoredChange[] = [];
    for (const { index, event: sent } of events) {
      const token = options.customerToken ?? textOf(sent.context['customerToken']);
      const event = withoutToken(sent);
      if (options.trusted || !changesIdentity(event)) {
        kept.push({ index, event });
        continue;
      }
      const owners = await this.#ownersOf(event);
      const customer = await verify(token);
      if (owners.every((owner) => owner === customer)) {
        kept.push({ index, event, verifiedAs: { customer } });
        continue;
      }
      const { event: applied, left } = withoutIdentityChanges(event, await this.#linksAnew(event));
      ignored.push(
        ...left.map((pointer) => ({ index, reason: 'customer_token_required' as const, pointer })),
      );
      if (applied !== undefined) kept.push({ index, event: applied, verifiedAs: { customer } });
    }
    return { events: kept, ignored };
  }

  /** The userIds of the known customers whose profiles the event's ids lead to. */
  async #ownersOf(event: TrackedEvent): Promise<string[]> {
    const owners = new Set<string>();
    for (const identity of identitiesOf(event)) {
      const profileId = await this.#profileIdOf(identity);
      const owner = profileId === undefined ? undefined : await this.#userIdOf(profileId);
      if (owner !== undefined) owners.add(owner);
    }
    return [...owners];
  }

  /** True when the event would link ids not already on one profile (identify, alias, a merge). */
  async #linksAnew(event: TrackedEvent): Promise<boolean> {
    const identities = identitiesOf(event);
    if (identities.length < 2) return false;
    const profiles = await Promise.all(identities.map((identity) => this.#profileIdOf(identity)));
    return profiles.some((profileId) => profileId === undefined || profileId !== profiles[0]);
  }

  async #profileIdOf(identity: Identity): Promise<string | undefined> {
    return this.deps.cache.profileIdOf(identity) ?? (await this.deps.store.findProfileId(identity));
  }

  async #userIdOf(profileId: string): Promise<string | undefined> {
    const entry = this.deps.cache.getProfile(profileId) ?? (await this.deps.store.getProfile(profileId));
    return entry?.profile.userId ?? undefined;
  }
}

/** Whether an event would change consent, traits or which ids belong together. */
function changesIdentity(event: TrackedEvent): boolean {
  return (
    event.consent !== undefined || Object.keys(event.traits).length > 0 || identitiesOf(event).length > 1
  );
}

function withoutToken(event: TrackedEvent): TrackedEvent {
  if (!Object.hasOwn(event.context, 'customerToken')) return event;
  const { customerToken: _token, ...context } = event.context;
  return { ...event, context };
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
