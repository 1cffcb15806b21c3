import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgresStore, postgresUrl, withPostgres } from '../support/services.js';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

describe.skipIf(postgresUrl === null)('erasure on PostgreSQL', () => {
  let node: TestAttune;
  let schema: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createTestPostgresStore();
    ({ schema, drop } = created);
    node = await startTestAttune({ DATABASE_URL: postgresUrl as string }, { store: created.store });
  });
  afterAll(async () => {
    await node?.dispose();
    await drop?.();
  });

  it('leaves no row in any table that holds the customer’s ids or traits', async () => {
    const needles = ['frank-5150', 'frank-phone-7', 'frank.private@example.net'];
    await node.call('POST', '/v1/identify', {
      body: { userId: needles[0], anonymousId: needles[1], traits: { email: needles[2] } },
    });
    await node.call('POST', '/v1/track', {
      body: {
        userId: needles[0],
        event: 'Order Completed',
        properties: { order_id: 'frank-order', total: 12.5 },
      },
    });
    const before = await countMatches(schema, needles);
    expect(before).toBeGreaterThan(0);

    expect((await node.call('DELETE', `/v1/profiles/${needles[0]}`)).json().removed).toEqual({
      profiles: 1,
      identities: 2,
      events: 2,
      orders: 1,
    });
    expect(await countMatches(schema, needles)).toBe(0);
  });
});

/** Rows of any table in the schema whose text form contains one of the needles. */
async function countMatches(schema: string, needles: readonly string[]): Promise<number> {
  return withPostgres(async (client) => {
    const tables = await client.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1',
      [schema],
    );
    let matches = 0;
    for (const { table_name } of tables.rows) {
      for (const needle of needles) {
        const result = await client.query<{ count: string }>(
          `select count(*) from "${schema}"."${table_name}" t where t::text like $1`,
          [`%${needle}%`],
        );
        matches += Number(result.rows[0]?.count ?? 0);
      }
    }
    return matches;
  });
}
