import { beforeAll, describe, expect, it } from 'vitest';
import { auditScope } from '../../src/ports/audit-store.js';
import { draftContentSlot } from '../../src/domain/content/index.js';
import type { Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const now = Date.parse('2026-06-01T00:00:00.000Z');
const user = {
  id: 'usr_0123456789abcdef',
  email: 'ops@shop.example',
  passwordHash: 'scrypt$14$8$1$c2FsdA$aGFzaA',
  role: 'editor' as const,
  createdAt: now,
};
const session = {
  idHash: 'a'.repeat(64),
  userId: user.id,
  csrfHash: 'b'.repeat(64),
  createdAt: now,
  lastSeenAt: now,
  expiresAt: now + 86_400_000,
};

/** Console users, sessions, key revocation and the audit log, on every store. */
export function describeConsoleStoreContract(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`Console store contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('keeps users by email, refuses a taken email, and deletes a user with their sessions', async () => {
      expect(await store.insertUser(user)).toBe(true);
      expect(await store.insertUser({ ...user, id: 'usr_ffffffffffffffff' })).toBe(false);
      expect(await store.findUserByEmail('ops@shop.example')).toEqual(user);
      await store.insertSession(session);
      expect(await store.getSession(session.idHash)).toEqual({ session, user });
      await store.touchSession(session.idHash, now + 60_000);
      await store.touchSession(session.idHash, now + 30_000); // an older touch never wins
      expect((await store.getSession(session.idHash))?.session.lastSeenAt).toBe(now + 60_000);
      expect(await store.deleteUser(user.id)).toBe(true);
      expect(await store.getSession(session.idHash)).toBeUndefined();
      expect(await store.listUsers()).toEqual([]);
    });

    it('sweeps sessions past their end or idle too long, and keeps the others', async () => {
      await store.insertUser(user);
      await store.insertSession(session);
      await store.insertSession({ ...session, idHash: 'c'.repeat(64), lastSeenAt: now - 10_000 });
      await store.insertSession({ ...session, idHash: 'd'.repeat(64), expiresAt: now + 5 });
      await store.deleteEndedSessions(now + 5, now - 5_000);
      expect(await store.getSession(session.idHash)).toBeDefined();
      expect(await store.getSession('c'.repeat(64))).toBeUndefined();
      expect(await store.getSession('d'.repeat(64))).toBeUndefined();
      await store.deleteUser(user.id);
    });

    it('revokes a key once, keeping its row', async () => {
      const key = {
        id: 'key_00000000000000aa',
        kind: 'secret' as const,
        hash: 'e'.repeat(64),
        label: 'x',
        createdAt: now,
      };
      await store.insertKey(key);
      expect(await store.revokeKey(key.id, now + 1)).toBe(true);
      expect(await store.revokeKey(key.id, now + 2)).toBe(false);
      expect(await store.revokeKey('key_unknown', now)).toBe(false);
      expect((await store.listKeys()).find((record) => record.id === key.id)).toEqual({
        ...key,
        revokedAt: now + 1,
      });
    });

    it('writes audit rows only inside an audit scope with an actor, and lists them newest first', async () => {
      const slot = draftContentSlot('audit-slot', { variants: [{ id: 'default', payload: 'x' }] });
      await store.putContentSlot(slot, { now });
      expect(await store.listAudit({ limit: 10 })).toEqual([]);
      const actor = { type: 'key' as const, id: 'key_00000000000000aa' };
      await auditScope.run({ actor, now: () => now + 1 }, async () => {
        await store.putContentSlot(slot, { now: now + 1 });
        await store.deleteContentSlot('audit-slot', undefined);
      });
      const entries = await store.listAudit({ resourceType: 'content-slot', limit: 10 });
      expect(entries.map((entry) => entry.action)).toEqual(['delete', 'update']);
      expect(entries[1]).toMatchObject({ actor, at: now + 1, before: { version: 1 }, after: { version: 2 } });
      expect(await store.listAudit({ actorId: 'someone-else', limit: 10 })).toEqual([]);
      const older = await store.listAudit({ before: entries[0]?.id, limit: 10 });
      expect(older.map((entry) => entry.id)).toEqual([entries[1]?.id]);
    });
  });
}
