import { registerAccessRoutes } from '../adapters/http/console/access-routes.js';
import { registerSessionRoutes } from '../adapters/http/console/session-routes.js';
import { createFlexibleRateLimiter } from '../adapters/rate-limits/flexible-rate-limiter.js';
import { ApiKeyService, type CreatedKey } from '../app/access/api-keys.js';
import { ConsoleSessions } from '../app/access/console-sessions.js';
import { ConsoleUsers } from '../app/access/console-users.js';
import { CustomerTokens } from '../app/access/customer-tokens.js';
import { PasswordHasher } from '../app/access/passwords.js';
import { TokenRevocations } from '../app/access/token-revocations.js';
import { signInPolicies } from '../adapters/http/rate-limits.js';
import { capability } from './capability.js';

/**
 * API keys, customer tokens, console users and their sessions, and the audit log's reading side.
 * Once the keys are loaded, makes sure the configured keys are accepted and, on a first start,
 * creates a key pair whose values are shown once (`createdKeys`).
 */
export const accessCapability = capability(
  [],
  ({ store, bus, clock, config, nodeId, customerTokenSecret, reportUnloadable, signInLimiter }) => {
    const keys = new ApiKeyService({ store, bus, clock, reportUnloadable });
    const revocations = new TokenRevocations({ store, bus, clock, nodeId });
    const tokens = new CustomerTokens(customerTokenSecret, clock, revocations);
    const hasher = new PasswordHasher({ logN: config.passwordScryptLogN, r: 8, p: 1 });
    const users = new ConsoleUsers({ store, clock, hasher });
    const lifetime = {
      idleMs: config.sessionIdleSeconds * 1000,
      absoluteMs: config.sessionMaxSeconds * 1000,
    };
    const sessions = new ConsoleSessions({ store, clock, users, lifetime });
    // A node built without one (a test's own infrastructure) counts sign-ins in its own memory.
    const limiter =
      signInLimiter ??
      createFlexibleRateLimiter({
        policies: signInPolicies(config),
      });
    const created: CreatedKey[] = [];
    /** Keys made by this first start; their values are shown once and never again. */
    const createdKeys: readonly CreatedKey[] = created;
    return {
      services: { keys, tokens, createdKeys, users, sessions },
      routes: [
        (app) => registerAccessRoutes(app, { keys, users, audit: store }),
        (app) => registerSessionRoutes(app, { sessions, limiter }),
      ],
      start: async () => {
        await keys.start();
        await revocations.start();
        created.push(...(await keys.ensureKeys(config, nodeId)));
      },
    };
  },
);
