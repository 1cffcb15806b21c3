import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditStore } from '../../../ports/audit-store.js';
import type { ConsoleRole, ConsoleStore, ConsoleUserRecord } from '../../../ports/console-store.js';
import { inAuditedTransaction, recordChanges } from './audit-rows.js';
import type { AuditLogTable, ConsoleUserTable, Database } from './database.js';

/** Console users, their sessions and the audit log, in SQL that SQLite and PostgreSQL both run. */
export function consoleQueries(db: Kysely<Database>): ConsoleStore & AuditStore {
  return {
    async insertUser(user) {
      return inAuditedTransaction(db, async (db) => {
        const inserted = await db
          .insertInto('console_users')
          .values({
            id: user.id,
            email: user.email,
            password_hash: user.passwordHash,
            role: user.role,
            created_at: user.createdAt,
          })
          .onConflict((oc) => oc.column('email').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        await recordChanges(db, [{ type: 'user', id: user.id, before: null, after: userView(user) }]);
        return true;
      });
    },

    async findUserByEmail(email) {
      const row = await db
        .selectFrom('console_users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      return row && toUser(row);
    },

    async listUsers() {
      const rows = await db.selectFrom('console_users').selectAll().orderBy('email').execute();
      return rows.map(toUser);
    },

    async deleteUser(id) {
      return inAuditedTransaction(db, async (db) => {
        const row = await db.selectFrom('console_users').selectAll().where('id', '=', id).executeTakeFirst();
        if (row === undefined) return false;
        // Explicitly, not by the foreign key's cascade: SQLite enforces those only when told to.
        await db.deleteFrom('console_sessions').where('user_id', '=', id).execute();
        await db.deleteFrom('console_users').where('id', '=', id).execute();
        await recordChanges(db, [{ type: 'user', id, before: userView(toUser(row)), after: null }]);
        return true;
      });
    },

    async insertSession(session) {
      await db
        .insertInto('console_sessions')
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          csrf_hash: session.csrfHash,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    async getSession(idHash) {
      const row = await db
        .selectFrom('console_sessions as s')
        .innerJoin('console_users as u', 'u.id', 's.user_id')
        .select([
          's.id_hash',
          's.user_id',
          's.csrf_hash',
          's.created_at as session_created_at',
          's.last_seen_at',
          's.expires_at',
          'u.id',
          'u.email',
          'u.password_hash',
          'u.role',
          'u.created_at',
        ])
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        session: {
          idHash: row.id_hash,
          userId: row.user_id,
          csrfHash: row.csrf_hash,
          createdAt: Number(row.session_created_at),
          lastSeenAt: Number(row.last_seen_at),
          expiresAt: Number(row.expires_at),
        },
        user: toUser(row),
      };
    },

    async touchSession(idHash, lastSeenAt) {
      await db
        .updateTable('console_sessions')
        .set({ last_seen_at: lastSeenAt })
        .where('id_hash', '=', idHash)
        .where('last_seen_at', '<', lastSeenAt)
        .execute();
    },

    async deleteSession(idHash) {
      const result = await db.deleteFrom('console_sessions').where('id_hash', '=', idHash).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async deleteEndedSessions(now, idleBefore) {
      await db
        .deleteFrom('console_sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
        .execute();
    },

    async listAudit(query) {
      let select = db.selectFrom('audit_log').selectAll();
      if (query.resourceType !== undefined) select = select.where('resource_type', '=', query.resourceType);
      if (query.resourceId !== undefined) select = select.where('resource_id', '=', query.resourceId);
      if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
      if (query.before !== undefined) select = select.where('id', '<', query.before);
      const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(toAuditEntry);
    },
  };
}

function toUser(row: Selectable<ConsoleUserTable>): ConsoleUserRecord {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role as ConsoleRole,
    createdAt: Number(row.created_at),
  };
}

/** A user as the audit log shows it: never the password hash. */
function userView(user: ConsoleUserRecord) {
  return { email: user.email, role: user.role, createdAt: new Date(user.createdAt).toISOString() };
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: Number(row.at),
    actor: { type: row.actor_type === 'user' ? 'user' : 'key', id: row.actor_id },
    action: row.action as AuditEntry['action'],
    resource: { type: row.resource_type, id: row.resource_id },
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  };
}
