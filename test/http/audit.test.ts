import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_STORES, type SharedStore } from '../support/both-stores.js';
import { productBody, type TestAttune } from '../support/test-attune.js';

/** Issue 14, audit log: every change to a merchant object, in the change's own transaction, on both stores. */

/** Makes every insert into `table` fail, as a full disk or a lost connection would mid-transaction. */
function failingInserts(name: 'SQLite' | 'PostgreSQL', table: string): { add: string[]; remove: string[] } {
  return name === 'SQLite'
    ? {
        add: [
          `create trigger fail_${table} before insert on ${table} begin select raise(abort, 'induced'); end`,
        ],
        remove: [`drop trigger fail_${table}`],
      }
    : {
        add: [
          `create function fail_${table}() returns trigger as $$ begin raise exception 'induced'; end $$ language plpgsql`,
          `create trigger fail_${table} before insert on ${table} for each row execute function fail_${table}()`,
        ],
        remove: [`drop trigger fail_${table} on ${table}`, `drop function fail_${table}()`],
      };
}

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`the audit log on ${setup.name}`, () => {
    let shared: SharedStore;
    let node: TestAttune;
    let keyId: string;
    const auditOf = async (resource: string) =>
      (await node.call('GET', `/v1/audit?resource=${resource}`)).json().items as {
        action: string;
        actor: { type: string; id: string };
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }[];

    beforeAll(async () => {
      shared = await setup.openShared();
      // The webhook's host is not looked up (this machine may have no DNS).
      node = await shared.startNode({
        ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true',
        ATTUNE_PASSWORD_SCRYPT_LOG_N: '14',
      });
      const keys = await node.store.listKeys();
      keyId = keys.find((key) => key.kind === 'secret')?.id as string;
    });
    afterAll(async () => {
      await node.dispose();
      await shared.dispose();
    });

    it('records a create, an update and a delete: who, what, before and after; one row each', async () => {
      expect(
        (await node.call('PUT', '/v1/products/a1', { body: productBody({ title: 'First' }) })).status,
      ).toBe(201);
      const created = await auditOf('product:a1');
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        action: 'create',
        actor: { type: 'key', id: keyId },
        resource: { type: 'product', id: 'a1' },
        before: null,
        after: { title: 'First', version: 1 },
      });
      await node.call('PUT', '/v1/products/a1', { body: productBody({ title: 'Second' }) });
      await node.call('DELETE', '/v1/products/a1');
      const all = await auditOf('product:a1');
      expect(all.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
      expect(all[1]).toMatchObject({ before: { title: 'First' }, after: { title: 'Second', version: 2 } });
      expect(all[0]).toMatchObject({ before: { title: 'Second' }, after: null });
    });

    it('leaves no row for a write that fails: a version conflict, or a failure later in its transaction', async () => {
      await node.call('PUT', '/v1/products/a2', { body: productBody() });
      const conflict = await node.call('PUT', '/v1/products/a2', {
        body: productBody({ title: 'Late' }),
        headers: { 'if-match': '"7"' },
      });
      expect(conflict.status).toBe(412);
      expect(await auditOf('product:a2')).toHaveLength(1);

      // The product row and its audit row are written, then the price history insert fails: all of it goes.
      const trigger = failingInserts(setup.name, 'price_history');
      for (const statement of trigger.add) await shared.execute(statement);
      const failed = await node.call('PUT', '/v1/products/a3', { body: productBody() });
      for (const statement of trigger.remove) await shared.execute(statement);
      expect(failed.status).toBe(500);
      expect((await node.call('GET', '/v1/products/a3')).status).toBe(404);
      expect(await auditOf('product:a3')).toEqual([]);
    });

    it('and when the audit row cannot be written, the change is not made either', async () => {
      const trigger = failingInserts(setup.name, 'audit_log');
      for (const statement of trigger.add) await shared.execute(statement);
      const failed = await node.call('PUT', '/v1/segments/s-fail', {
        body: { name: 'Fails', rule: { trait: 'traits.country', op: 'eq', value: 'GB' } },
      });
      for (const statement of trigger.remove) await shared.execute(statement);
      expect(failed.status).toBe(500);
      expect((await node.call('GET', '/v1/segments/s-fail')).status).toBe(404);
    });

    it('covers segments, webhooks (secret masked), the loyalty program, keys and users; events never', async () => {
      await node.call('PUT', '/v1/segments/gb', {
        body: { name: 'GB', rule: { trait: 'traits.country', op: 'eq', value: 'GB' } },
      });
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      await node.call('PUT', '/v1/webhooks/crm', {
        body: { url: 'https://crm.example.com/hooks', events: ['segment.entered'], secret },
      });
      await node.call('PUT', '/v1/loyalty/program', {
        body: { currency: 'GBP', pointsPerUnit: 1, tiers: [{ id: 'member', perks: {} }] },
      });
      const key = (await node.call('POST', '/v1/keys', { body: { kind: 'secret', label: 'audit' } })).json();
      await node.call('DELETE', `/v1/keys/${key.id}`);
      await node.call('POST', '/v1/users', {
        body: { email: 'audit@shop.example', password: 'correct horse battery staple', role: 'viewer' },
      });
      const before = (await node.call('GET', '/v1/audit?limit=200')).json().items.length;
      await node.call('POST', '/v1/track', { body: { userId: 'shopper-1', event: 'Product Viewed' } });
      await node.call('POST', '/v1/identify', {
        body: { userId: 'shopper-1', traits: { email: 's@x.example' } },
      });
      const page = await node.call('GET', '/v1/audit?limit=200');
      expect(page.json().items).toHaveLength(before);
      expect(page.body).not.toContain('shopper-1');
      expect(page.body).not.toContain(secret);

      expect((await auditOf('segment:gb'))[0]).toMatchObject({ action: 'create', after: { name: 'GB' } });
      expect((await auditOf('webhook:crm'))[0]?.after).toMatchObject({ secret: `${secret.slice(0, 10)}…` });
      expect((await auditOf('loyalty-program'))[0]).toMatchObject({
        action: 'create',
        after: { pointsPerUnit: 1 },
      });
      expect((await auditOf(`key:${key.id}`)).map((entry) => entry.action)).toEqual(['update', 'create']);
      expect((await auditOf(`key:${key.id}`))[0]?.after).toMatchObject({ revokedAt: expect.any(String) });
      expect(await auditOf('user')).toHaveLength(1);
      expect(JSON.stringify(await auditOf('user'))).not.toContain('scrypt');
    });

    it('keeps no erased customer in the audited states of price lists naming them', async () => {
      const customer = 'erin-audit-77';
      await node.call('POST', '/v1/identify', { body: { userId: customer, traits: { country: 'GB' } } });
      const list = {
        type: 'sale',
        currency: 'GBP',
        rule: { percentOff: 10, match: { categories: ['home'] } },
      };
      await node.call('PUT', '/v1/price-lists/erin-deal', {
        body: { ...list, audience: { customers: [customer] } },
      });
      await node.call('PUT', '/v1/price-lists/erin-deal', {
        body: { ...list, priority: 2, audience: { customers: [customer, 'someone-else'] } },
      });
      expect(JSON.stringify(await auditOf('price-list:erin-deal'))).toContain(customer);
      expect((await node.call('DELETE', `/v1/profiles/${customer}`)).status).toBeLessThan(300);
      const after = await auditOf('price-list:erin-deal');
      expect(after).toHaveLength(2);
      expect(JSON.stringify(after)).not.toContain(customer);
      expect(JSON.stringify(after)).toContain('someone-else');
    });

    it('filters by actor and pages with a cursor, newest first', async () => {
      const users = await node.call('POST', '/v1/users', {
        body: { email: 'pager@shop.example', password: 'correct horse battery staple', role: 'editor' },
      });
      expect(users.status).toBe(201);
      const signIn = await node.app.inject({
        method: 'POST',
        url: '/v1/sessions',
        payload: { email: 'pager@shop.example', password: 'correct horse battery staple' },
      });
      const cookie = String(signIn.headers['set-cookie']).split(';')[0] as string;
      const csrf = signIn.json().csrf.token as string;
      for (const id of ['p1', 'p2', 'p3']) {
        const put = await node.app.inject({
          method: 'PUT',
          url: `/v1/promotions/${id}`,
          headers: { cookie, 'x-csrf-token': csrf },
          payload: { title: id, action: { type: 'free_shipping' } },
        });
        expect(put.statusCode, put.body).toBe(201);
      }
      const userId = users.json().id as string;
      const first = (await node.call('GET', `/v1/audit?actor=${userId}&limit=2`)).json();
      expect(first.items.map((item: { resource: { id: string } }) => item.resource.id)).toEqual(['p3', 'p2']);
      expect(first.items[0].actor).toEqual({ type: 'user', id: userId });
      const second = (
        await node.call('GET', `/v1/audit?actor=${userId}&limit=2&cursor=${first.nextCursor}`)
      ).json();
      expect(second.items.map((item: { resource: { id: string } }) => item.resource.id)).toEqual(['p1']);
      expect(second.nextCursor).toBeNull();
      const bad = await node.call('GET', '/v1/audit?cursor=nonsense');
      expect(bad.json()).toMatchObject({ status: 400, code: 'invalid_cursor' });
    });
  });
}
