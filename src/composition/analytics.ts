import { registerAnalyticsRoutes } from '../adapters/http/analytics/routes.js';
import { AnalyticsService } from '../app/analytics/analytics-service.js';
import type { ExperimentService } from '../app/experiments/experiment-service.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import { capability } from './capability.js';

/**
 * The outcomes dashboard: clicks and attributed orders counted by day once their events are durable
 * (impressions and discounts are counted by the store with the decisions and orders themselves).
 */
export const analyticsCapability = capability(
  ['profiles', 'experiments'],
  (infra, { ingestion, experiments }: { ingestion: EventIngestion; experiments: ExperimentService }) => {
    const { store, clock, config, onError } = infra;
    const analytics = new AnalyticsService({
      store,
      currency: config.currency,
      running: () => experiments.running(),
      results: (id) => experiments.results(id),
    });
    ingestion.onCommitted((result) => analytics.committed(result).catch(onError));
    return {
      services: { analytics },
      routes: [
        (app) =>
          registerAnalyticsRoutes(app, analytics, { currency: config.currency, now: () => clock.now() }),
      ],
    };
  },
);
