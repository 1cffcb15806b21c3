import { registerExperimentRoutes } from '../adapters/http/experiments/routes.js';
import { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import { ExperimentService } from '../app/experiments/experiment-service.js';
import { ExposureLog } from '../app/experiments/exposure-log.js';
import { followOtherNodes, rereadOnChange } from '../app/follow-other-nodes.js';
import type { EventIngestion } from '../app/profiles/event-ingestion.js';
import type { ProfileService } from '../app/profiles/profile-service.js';
import { ExperimentAttribution } from '../app/experiments/attribution.js';
import { capability } from './capability.js';

/**
 * Experiments: definitions (in memory on every node, re-read on a change anywhere), which variant
 * each viewer gets (a per-node cache of units; first exposures written in batches), and forgetting
 * erased customers.
 */
export const experimentsCapability = capability(
  ['profiles'],
  (infra, { profiles, ingestion }: { profiles: ProfileService; ingestion: EventIngestion }) => {
    const { store, bus, clock, nodeId, config, hashId, onError, reportUnloadable } = infra;
    const experiments = new ExperimentService({ store, bus, clock, nodeId, reportUnloadable });
    const exposures = new ExposureLog(store, onError);
    const assignments = new ExperimentAssignments({
      store,
      clock,
      log: exposures,
      hashId,
      running: () => experiments.running(),
      currency: config.currency,
      cacheSize: config.profileCacheSize,
    });
    const attribution = new ExperimentAttribution({
      store,
      hashId,
      currency: config.currency,
      experiments: () => experiments.byId(),
    });
    // Orders and clicks count for the variants of the customers who made them, once durable.
    ingestion.onCommitted((result) => attribution.committed(result).catch(onError));
    // An erased customer's ids may come back as someone new: nothing this node knew of them stays.
    profiles.onErased(() => assignments.forgetAll());
    return {
      services: { experiments, assignments, exposures },
      routes: [(app) => registerExperimentRoutes(app, experiments, config.currency)],
      start: async () => {
        await experiments.start();
        await followOtherNodes(
          bus,
          nodeId,
          'erasures',
          rereadOnChange(() => assignments.forgetAll()),
        );
      },
      // Writes the exposures still buffered.
      stop: () => exposures.close(),
    };
  },
);
