import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { BOTH_STORES } from '../support/both-stores.js';
import type { TestAttune } from '../support/test-attune.js';

const HOUR = 3_600_000;

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`rotating an API key on ${setup.name}`, () => {
    const clock = new ManualClock('2026-06-15T12:00:00.000Z');
    let node: TestAttune;
    beforeAll(async () => {
      node = await setup.start({}, { clock });
    });
    afterAll(() => node.dispose());

    const created = async () =>
      (await node.call('POST', '/v1/keys', { body: { kind: 'secret', label: 'importer' } })).json() as {
        id: string;
        key: string;
      };
    const rotate = (id: string, body?: Record<string, unknown>) =>
      node.call('POST', `/v1/keys/${id}:rotate`, body === undefined ? {} : { body });
    const works = async (key: string) => (await node.call('GET', '/v1/products', { key })).status === 200;

    it('gives a new key at once and keeps the old one working through its grace period only', async () => {
      const old = await created();
      const rotated = await rotate(old.id, { gracePeriod: '1h' });
      expect(rotated.status).toBe(201);
      const successor = rotated.json() as {
        id: string;
        key: string;
        kind: string;
        label: string;
        replaces: unknown;
      };
      expect(successor).toMatchObject({ kind: 'secret', label: 'importer' });
      expect(successor.key).not.toBe(old.key);
      expect(successor.replaces).toEqual({ id: old.id, revokedAt: '2026-06-15T13:00:00.000Z' });
      expect(await works(old.key)).toBe(true);
      expect(await works(successor.key)).toBe(true);

      clock.advance(HOUR);
      expect(await works(old.key)).toBe(false);
      expect(await works(successor.key)).toBe(true);
      // Gone for good: it cannot be rotated again.
      expect((await rotate(old.id)).status).toBe(404);
    });

    it('refuses to rotate a key twice, and lets a revoke end the grace period early', async () => {
      const old = await created();
      const first = await rotate(old.id);
      expect(first.status, first.body).toBe(201);
      const again = await rotate(old.id);
      expect(again.status, again.body).toBe(409);
      expect(again.json()).toMatchObject({ code: 'key_retiring', pointer: '/id' });
      expect(await works(old.key)).toBe(true);
      expect((await node.call('DELETE', `/v1/keys/${old.id}`)).status).toBe(204);
      expect(await works(old.key)).toBe(false);
    });

    it('makes one successor of two rotations at once', async () => {
      const unscheduled = async () =>
        (
          (await node.call('GET', '/v1/keys')).json() as { items: { id: string; revokedAt?: string }[] }
        ).items.filter((key) => key.revokedAt === undefined);
      const old = await created();
      const before = await unscheduled();
      const answers = await Promise.all([
        rotate(old.id, { gracePeriod: '2h' }),
        rotate(old.id, { gracePeriod: '1h' }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      // The old key now retires, and exactly one successor took its place.
      const after = await unscheduled();
      expect(after.map((key) => key.id)).not.toContain(old.id);
      expect(after).toHaveLength(before.length);
    });

    it('stops the old key at once with a grace period of 0, and refuses one past 30 days', async () => {
      const old = await created();
      const tooLong = await rotate(old.id, { gracePeriod: '31d' });
      expect(tooLong.status).toBe(400);
      expect(tooLong.json()).toMatchObject({ code: 'out_of_range', pointer: '/gracePeriod' });
      expect(await works(old.key)).toBe(true);
      expect((await rotate(old.id, { gracePeriod: '0' })).status).toBe(201);
      expect(await works(old.key)).toBe(false);
    });
  });
}
