import { registerContentRoutes } from '../adapters/http/content/routes.js';
import { ContentService } from '../app/content/content-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import type { ExperimentAssignments } from '../app/experiments/experiment-assignments.js';
import { capability } from './capability.js';

/** Content slots and their targeted, scheduled variants. */
export const contentCapability = capability(
  ['profiles', 'experiments'],
  (
    { store, bus, clock, nodeId, reportUnloadable },
    { customers, assignments }: { customers: CustomerContexts; assignments: ExperimentAssignments },
  ) => {
    const content = new ContentService({
      store,
      bus,
      clock,
      nodeId,
      reportUnloadable,
    });
    return {
      services: { content },
      routes: [(app) => registerContentRoutes(app, { content, customers, experiments: assignments })],
      start: () => content.start(),
    };
  },
);
