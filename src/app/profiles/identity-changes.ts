import type { Profile, TrackedEvent } from '../../domain/profiles/index.js';
import type { Identity } from '../../ports/store.js';

/**
 * The event without what would change someone else's identity (consent, traits and, when it links
 * ids not already on one profile, the link), and the pointers of what was left out; no `event` when
 * nothing is left (an alias is nothing but its link).
 */
export function withoutIdentityChanges(
  event: TrackedEvent,
  linksAnew: boolean,
): { event?: TrackedEvent; left: string[] } {
  const left: string[] = [];
  const { consent: _consent, ...rest } = event;
  let applied: TrackedEvent = rest;
  if (event.consent !== undefined) {
    // Not kept in the stored context either, so nothing read later can take it for an answer.
    const { consent: _answer, ...context } = event.context;
    applied = { ...applied, context };
    left.push('/context/consent');
  }
  if (Object.keys(event.traits).length > 0) {
    applied = { ...applied, traits: {} };
    left.push('/traits');
  }
  if (linksAnew) {
    if (event.type === 'alias') return { left: [...left, '/previousId'] };
    const { anonymousId: _anonymousId, ...unlinked } = applied;
    applied = unlinked;
    left.push('/anonymousId');
  }
  return { event: applied, left };
}

/**
 * The identity decision taken again inside the commit's transaction, on the profiles it reads (and
 * those the batch's earlier events changed): the check before the event was queued read outside
 * it, so an identify committed in between (here, on another node, or earlier in the same batch)
 * could have made an unknown visitor a known customer. `customer` is whom the event's token proved
 * (undefined: none); when a profile the event leads to belongs to anyone else, its identity changes
 * are left out, exactly as the first check would have.
 */
export function guardIdentityChanges(
  event: TrackedEvent,
  customer: string | undefined,
  identities: readonly Identity[],
  profileOf: (identity: Identity) => Profile | undefined,
): { event?: TrackedEvent; left: string[] } {
  const profiles = identities.map(profileOf);
  const owners = profiles.flatMap((profile) => profile?.userId ?? []);
  if (owners.every((owner) => owner === customer)) return { event, left: [] };
  const first = profiles[0];
  const linksAnew =
    identities.length >= 2 && profiles.some((profile) => profile === undefined || profile.id !== first?.id);
  return withoutIdentityChanges(event, linksAnew);
}
