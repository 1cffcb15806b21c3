import { resolve } from 'node:path';
import { packageRoot } from '../adapters/files/package-root.js';
import { registerConsolePageRoutes } from '../adapters/http/console-page/routes.js';
import { capability } from './capability.js';

/** The merchant console's page at `/console`, in every mode (it holds no secret; see its routes). */
export const consolePageCapability = capability([], () => ({
  services: {},
  routes: [(app) => registerConsolePageRoutes(app, resolve(packageRoot(), 'web/console/dist'))],
}));
