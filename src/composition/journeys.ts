import { registerJourneyRoutes } from '../adapters/http/journeys/routes.js';
import { JourneyBody } from '../adapters/http/journeys/schemas.js';
import { storedShapeCheck } from '../adapters/http/stored-shapes.js';
import type { ContentService } from '../app/content/content-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import { JourneyOutcomes } from '../app/journeys/journey-outcomes.js';
import { JourneyRunner } from '../app/journeys/journey-runner.js';
import { JourneyService } from '../app/journeys/journey-service.js';
import { MessageBuilder } from '../app/journeys/message-builder.js';
import type { ProductHydrator } from '../app/listing/hydration.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { RecommendationService } from '../app/recommendations/recommendation-service.js';
import { capability } from './capability.js';
import type { RulesInForce } from './rules-in-force.js';

interface JourneysDeps {
  readonly inForce: RulesInForce;
  readonly ingestion: EventIngestion;
  readonly customers: CustomerContexts;
  readonly recommendations: RecommendationService;
  readonly content: ContentService;
  readonly hydrator: ProductHydrator;
}

/**
 * Journeys: definitions (in memory on every node, planned from inside ingestion), the runner that
 * sends the steps falling due through the webhook outbox, and outcomes counted as orders come in.
 */
export const journeysCapability = capability(
  ['profiles', 'rules', 'recommendations', 'content', 'promotions'],
  (infra, deps: JourneysDeps) => {
    const { store, bus, clock, nodeId, config, hashId, onError, reportUnloadable } = infra;
    const planner = deps.inForce.journeys;
    const limits = {
      cap: config.journeyFrequencyCap,
      ...(config.journeyQuietHours !== undefined && { quietHours: config.journeyQuietHours }),
    };
    const builder = new MessageBuilder({
      customers: deps.customers,
      recommendations: deps.recommendations,
      content: deps.content,
      hydrator: deps.hydrator,
      hashId,
      currency: config.currency,
    });
    const journeys = new JourneyService({
      store,
      bus,
      clock,
      nodeId,
      planner,
      webhooks: deps.inForce.webhooks,
      segments: deps.inForce.segments,
      builder,
      limits,
      marketingDefault: config.marketingConsentDefault,
      reportUnloadable,
      shape: storedShapeCheck(JourneyBody),
    });
    const runner = new JourneyRunner({
      store,
      clock,
      journey: (id) => planner.get(id),
      builder,
      limits,
      marketingDefault: config.marketingConsentDefault,
      onError,
      servingFirst: infra.servingFirst,
    });
    const outcomes = new JourneyOutcomes({
      store,
      currency: config.currency,
      journey: (id) => planner.get(id),
    });
    deps.ingestion.onCommitted(async (result) => {
      if ((result.plannedSteps ?? 0) > 0) runner.nudge();
      await outcomes.committed(result).catch(onError);
    });
    return {
      services: { journeys, journeyRunner: runner },
      routes: [(app) => registerJourneyRoutes(app, journeys, config.currency)],
      start: async () => {
        await journeys.start();
        runner.start();
      },
      stop: () => runner.stop(),
    };
  },
);
