import type { EventBus } from '../../ports/event-bus.js';
import type { ProfilesChanged } from '../../ports/topics.js';
import type { CatalogService, ChangeKind } from '../catalog/catalog-service.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { PromotionService } from '../promotions/promotion-service.js';
import type { PageWatch } from './page-watches.js';

export interface ChangeRoutingDeps {
  readonly bus: EventBus;
  readonly catalog: CatalogService;
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  /** The pages watched now. */
  readonly watches: () => Iterable<PageWatch>;
  /** Has a page looked at again. */
  readonly refresh: (watch: PageWatch) => void;
}

/**
 * Topics after which every open page is looked at again: segment or loyalty rules changed. (Their
 * effect on customers also arrives as profile changes, once memberships are worked out again.)
 */
const RULE_TOPICS = ['segments', 'loyalty'] as const;

/**
 * Sends each change to the open pages it may affect: a product's to the pages watching it, a
 * customer's profile to that customer's pages, prices, promotions, collections and rules to every
 * page. Catalogue, prices and promotions say when their memory holds a change, from this node or
 * another: a look started by the bus message alone could read the old prices and miss it. A
 * profile is read from the store, which holds the change before the message is sent.
 */
export async function routeChangesToPages(deps: ChangeRoutingDeps): Promise<void> {
  const { bus, catalog, pricing, promotions, watches, refresh } = deps;
  const everyPage = () => {
    for (const watch of watches()) refresh(watch);
  };
  catalog.onChanged((kind, ids) => catalogChanged(kind, ids));
  pricing.onChanged(everyPage);
  promotions.onChanged(everyPage);
  // A lost message could have been about any page.
  const onMissed = everyPage;
  await bus.subscribe('profiles', (payload) => profilesChanged(payload), { onMissed });
  for (const topic of RULE_TOPICS) await bus.subscribe(topic, () => everyPage(), { onMissed });

  function catalogChanged(kind: ChangeKind, ids: readonly string[]): void {
    // Collections change what promotions cover, so every page may be affected.
    if (kind === 'collections') return everyPage();
    for (const watch of watches()) {
      if (ids.some((id) => watch.snapshot.watched.has(id))) refresh(watch);
    }
  }

  function profilesChanged(payload: ProfilesChanged): void {
    const profileIds = new Set(payload.profileIds);
    const identities = new Set(payload.identities.map((identity) => identity.value));
    for (const watch of watches()) {
      const { userId, anonymousId } = watch.customer;
      const profileId = watch.snapshot.profileId;
      if (
        (profileId !== undefined && profileIds.has(profileId)) ||
        (userId !== undefined && identities.has(userId)) ||
        (anonymousId !== undefined && identities.has(anonymousId))
      ) {
        refresh(watch);
      }
    }
  }
}
