import type { FastifyInstance } from 'fastify';
import { isUnsafeMethod } from '../../../app/access/roles.js';
import { auditScope } from '../../../ports/audit-store.js';
import type { Clock } from '../../../ports/clock.js';

/**
 * Runs each authenticated request's handler in an audit scope naming its actor (the console user of
 * a session, else the API key), so what the handler changes is recorded in the audit log in the
 * change's own transaction. Install after auth and rate limits: the last app-wide preHandler.
 */
export function installAuditScope(app: FastifyInstance, clock: Clock): void {
  // A callback hook, opened once the body is read (a body arrives on the socket's own async context):
  // the handler runs inside `run`, so the store sees the scope.
  app.addHook('preHandler', (request, _reply, done) => {
    const principal = request.principal;
    // Reads change nothing, and a publishable key may change no merchant object: the storefront's
    // hot path (decide, events) runs without a scope.
    if (principal === undefined || principal.kind === 'publishable' || !isUnsafeMethod(request.method)) {
      done();
      return;
    }
    const actor =
      principal.user === undefined
        ? ({ type: 'key', id: principal.keyId } as const)
        : ({ type: 'user', id: principal.user.id } as const);
    auditScope.run({ actor, now: () => clock.now() }, done);
  });
}
