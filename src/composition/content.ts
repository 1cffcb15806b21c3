import { registerContentRoutes } from '../adapters/http/content/routes.js';
import { ContentService } from '../app/content/content-service.js';
import type { CustomerContexts } from '../app/customers/customer-context.js';
import { capability } from './capability.js';

/** Content slots and their targeted, scheduled variants. */
export const contentCapability = capability(
  ['profiles'],
  ({ store, bus, clock, nodeId, reportUnloadable }, { customers }: { customers: CustomerContexts }) => {
    const content = new ContentService({
      store,
      bus,
      clock,
      nodeId,
      reportUnloadable,
    });
    return {
      services: { content },
      routes: [(app) => registerContentRoutes(app, { content, customers })],
      start: () => content.start(),
    };
  },
);
