import type { ConsoleUser } from '../../../app/access/console-users.js';
import type { AuditEntry } from '../../../ports/audit-store.js';
import type { ApiKeyRecord } from '../../../ports/store.js';

/** A key as answers show it: no hash, and a secret key's value never (it is not even stored). */
export function keyView(record: ApiKeyRecord) {
  return {
    id: record.id,
    kind: record.kind,
    label: record.label,
    createdAt: new Date(record.createdAt).toISOString(),
    ...(record.revokedAt !== undefined && { revokedAt: new Date(record.revokedAt).toISOString() }),
    ...(record.publishableKey !== undefined && { publishableKey: record.publishableKey }),
  };
}

/** A console user as answers show them: never the password hash. */
export function userView(user: ConsoleUser) {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

export function auditView(entry: AuditEntry) {
  return { ...entry, at: new Date(entry.at).toISOString() };
}
