import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_STORES, type SharedStore } from '../support/both-stores.js';
import type { TestAttune } from '../support/test-attune.js';

const PROGRAM = {
  currency: 'GBP',
  pointsPerUnit: 1,
  tiers: [
    { id: 'member', perks: {} },
    { id: 'gold', minPoints: 500, perks: { percentOff: 5 } },
  ],
};

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`the loyalty program's back-fill progress on ${setup.name}`, () => {
    let shared: SharedStore;
    let node: TestAttune;
    beforeAll(async () => {
      shared = await setup.openShared();
      node = await shared.startNode();
    });
    afterAll(async () => {
      await node.dispose();
      await shared.dispose();
    });

    it.each([['{"status":"done","process'], ['null'], ['[1,2]'], ['"done"']])(
      'reads the program when its stored progress is %s: the progress is left out, not a failure',
      async (broken) => {
        expect((await node.call('PUT', '/v1/loyalty/program', { body: PROGRAM })).status).toBe(200);
        // The program's back-fill writes its progress as it goes: broken after it has finished.
        await node.rules.backfill.idle();
        await shared.execute('update settings set value = ? where key = ?', [broken, 'loyalty.backfill']);
        const read = await node.call('GET', '/v1/loyalty/program');
        expect(read.status).toBe(200);
        expect(read.json()).toMatchObject({ currency: 'GBP' });
        expect(read.json().backfill).toBeUndefined();
      },
    );
  });
}
