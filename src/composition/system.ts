import { registerSystemRoutes } from '../adapters/http/system/routes.js';
import { capability } from './capability.js';

/** Liveness and readiness probes: what a load balancer asks of the node. */
export const systemCapability = capability([], ({ store, bus, readiness }) => ({
  services: {},
  routes: [(app) => registerSystemRoutes(app, { store, bus, readiness })],
}));
