import { AsyncLocalStorage } from 'node:async_hooks';

/** Who made a change: a console user (by id) or an API key (by id, never its value). */
export interface AuditActor {
  readonly type: 'user' | 'key';
  readonly id: string;
}

export type AuditAction = 'create' | 'update' | 'delete';

/** One change to a merchant-managed object, as the audit log keeps it. */
export interface AuditEntry {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly resource: { readonly type: string; readonly id: string };
  /** The object before the change (null for a create), secrets masked. */
  readonly before: unknown;
  /** The object after the change (null for a delete), secrets masked. */
  readonly after: unknown;
}

export interface AuditQuery {
  readonly resourceType?: string | undefined;
  readonly resourceId?: string | undefined;
  readonly actorId?: string | undefined;
  /** Entries older than this id (the previous page's last). */
  readonly before?: string | undefined;
  readonly limit: number;
}

/** The audit log: written by the store in the transaction of each audited change, read here. */
export interface AuditStore {
  /** Newest first. */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
}

/** Who is acting in the current request, and the request's clock. */
export interface AuditScope {
  readonly actor: AuditActor | undefined;
  readonly now: () => number;
}

/**
 * The actor of the work running now. The HTTP edge opens a scope per request and names the actor
 * once it is authenticated; the store reads it when it writes a merchant object, so the audit row
 * joins the change's own transaction without every port and service passing the actor along.
 * Work outside any scope, or with no actor (the demo load, background jobs), is not audited.
 */
export const auditScope = new AsyncLocalStorage<AuditScope>();
