import { registerAnalyticsRoutes } from '../adapters/http/analytics/routes.js';
import { AnalyticsService } from '../app/analytics/analytics-service.js';
import type { ExperimentService } from '../app/experiments/experiment-service.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import { SegmentSizeRecorder } from '../app/analytics/segment-size-recorder.js';
import type { SegmentService } from '../app/segments/segment-service.js';
import { capability } from './capability.js';

/**
 * The outcomes dashboard: clicks and attributed orders counted by day once their events are durable
 * (impressions and discounts are counted by the store with the decisions and orders themselves).
 */
export const analyticsCapability = capability(
  ['profiles', 'experiments', 'rules'],
  (
    infra,
    {
      ingestion,
      experiments,
      rules,
    }: { ingestion: EventIngestion; experiments: ExperimentService; rules: { segments: SegmentService } },
  ) => {
    const { store, clock, config, onError } = infra;
    const analytics = new AnalyticsService({
      store,
      currency: config.currency,
      running: () => experiments.running(),
      results: (id) => experiments.results(id),
      segmentSize: (id) => rules.segments.size(id),
      segmentSizes: () => rules.segments.sizes(),
      now: () => clock.now(),
    });
    ingestion.onCommitted((result) => analytics.committed(result).catch(onError));
    // Each segment's size, sampled by day: the dashboard's segment sizes over time.
    const segmentSizes = new SegmentSizeRecorder({
      store,
      clock,
      sizes: () => rules.segments.sizes(),
      onError,
    });
    return {
      services: { analytics, segmentSizes },
      routes: [
        (app) =>
          registerAnalyticsRoutes(app, analytics, {
            currency: config.currency,
            now: () => clock.now(),
            hasSegment: (id) => rules.segments.has(id),
          }),
      ],
      start: () => {
        segmentSizes.start();
        return Promise.resolve();
      },
      stop: () => segmentSizes.stop(),
    };
  },
);
