import { Counter } from 'prom-client';
import { registerEventRoutes } from '../adapters/http/events/routes.js';
import { registerProfileRoutes } from '../adapters/http/profiles/routes.js';
import type { CustomerTokens } from '../app/access/customer-tokens.js';
import type { CatalogService } from '../app/catalog/catalog-service.js';
import { CustomerContexts } from '../app/customers/customer-context.js';
import { CustomerStatistics } from '../app/profiles/customer-statistics.js';
import { EventIngestion } from '../app/profiles/event-ingestion.js';
import { IdentityVerification } from '../app/profiles/identity-verification.js';
import { ProfileCache } from '../app/profiles/profile-cache.js';
import { ProfileService } from '../app/profiles/profile-service.js';
import { customerCacheBytes } from '../config/config.js';
import { cacheMetrics } from './cache-metrics.js';
import { capability } from './capability.js';
import { productFactsOf } from './catalog.js';
import { rulesInForce } from './rules-in-force.js';

/** How often the customer-base statistics behind RFM scores are recomputed. */
const STATISTICS_INTERVAL_MS = 10 * 60_000;

/**
 * Events and profiles: ingestion with the rules in force (segments, loyalty, webhooks, read from
 * registries built here and filled by the rules capability), profiles, the customer-base statistics
 * (recomputed at start and every ten minutes), and who a request is for (`customers`).
 */
export const profilesCapability = capability(
  ['access', 'catalog'],
  (infra, { tokens, catalog }: { tokens: CustomerTokens; catalog: CatalogService }) => {
    const { store, bus, clock, config, nodeId, hashId, onError } = infra;
    const { currency, consentDefault } = config;
    const profileCache = new ProfileCache(config.profileCacheSize, customerCacheBytes(config).profiles);
    cacheMetrics(infra.metrics, 'attune_profile_cache', 'Profiles', () => profileCache);
    const statistics = new CustomerStatistics({ store, clock, currency, consentDefault });
    const inForce = rulesInForce({ clock, statistics });
    const shared = { store, bus, clock, cache: profileCache, currency, consentDefault, nodeId, hashId };
    const startedAgain = new Counter({
      name: 'attune_ingestion_commits_started_again_total',
      help: 'Event commits started again because another writer (another node) changed what they read',
      registers: [infra.metrics],
    });
    const ingestion = new EventIngestion({
      ...shared,
      onError,
      productFacts: productFactsOf(catalog),
      rules: inForce.profileRules,
      identity: new IdentityVerification({
        store,
        cache: profileCache,
        verifyToken: (token) => tokens.verify(token),
      }),
      onStartedAgain: () => startedAgain.inc(),
    });
    const profiles = new ProfileService({ ...shared, ingestion, statistics, standing: inForce.standing });
    const customers = new CustomerContexts({
      profiles,
      tokens,
      registry: inForce.segments,
      program: () => inForce.loyalty.program(),
      consentDefault,
      now: () => clock.now(),
    });
    let statisticsTimer: NodeJS.Timeout | undefined;
    let restored = false;
    return {
      services: { profileCache, statistics, inForce, ingestion, profiles, customers },
      routes: [
        // Its own scope: event routes accept JSON under any content type and gzip, the rest stays strict.
        async (app) => {
          await app.register((scope) => registerEventRoutes(scope, ingestion));
        },
        (app) => registerProfileRoutes(app, { profiles, tokens }),
      ],
      start: async () => {
        // With snapshots, a start takes the stored quintiles and recomputes them once it serves.
        restored = config.snapshots && (await statistics.restore());
        await Promise.all([ingestion.start(), profiles.start(), restored ? undefined : statistics.refresh()]);
        statisticsTimer = setInterval(() => void statistics.refresh().catch(onError), STATISTICS_INTERVAL_MS);
        statisticsTimer.unref();
      },
      serving: () => {
        if (restored) void statistics.refresh().catch(onError);
      },
      stop: async () => clearInterval(statisticsTimer),
    };
  },
);
