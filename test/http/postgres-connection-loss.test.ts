import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl, uniqueName, withPostgres } from '../support/services.js';
import { productBody, startTestAttune, type TestAttune } from '../support/test-attune.js';

/**
 * A PostgreSQL restart ends every connection, idle ones included. node-postgres reports an idle
 * connection's failure as an 'error' event on the pool, which without a listener ends the process.
 */
describe.skipIf(postgresUrl === null)('an idle store connection lost on PostgreSQL', () => {
  let node: TestAttune;
  const schema = uniqueName('attune_test');
  const applicationName = uniqueName('attune_conn_loss');
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    await withPostgres((client) => client.query(`create schema ${schema}`));
    const url = new URL(postgresUrl as string);
    url.searchParams.set('application_name', applicationName);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    node = await startTestAttune({ DATABASE_URL: url.toString() }, { logger: pino({ level: 'warn' }, sink) });
  });
  afterAll(async () => {
    await node?.dispose();
    await withPostgres((client) => client.query(`drop schema if exists ${schema} cascade`));
  });

  const lostCount = async () => {
    const text = (await node.call('GET', '/metrics', { key: null })).body;
    const match = /^attune_store_idle_connection_errors_total (\d+)/m.exec(text);
    return Number(match?.[1] ?? Number.NaN);
  };

  it('keeps the node running, counts and logs the loss, and answers again on new connections', async () => {
    expect((await node.call('PUT', '/v1/products/before', { body: productBody() })).status).toBe(201);
    expect(await lostCount()).toBe(0);

    const ended = await withPostgres((client) =>
      client.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [
        applicationName,
      ]),
    );
    expect(ended.rowCount).toBeGreaterThan(0);

    // The pool hears of the ended backends asynchronously; wait for it (bounded), never for a time.
    for (let tries = 0; tries < 200 && (await lostCount()) === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await lostCount()).toBeGreaterThan(0);
    const warned = logLines.filter(
      (line) => line['msg'] === 'an idle store connection failed; it will be replaced',
    );
    expect(warned.length).toBeGreaterThan(0);
    expect(JSON.stringify(warned)).not.toContain('postgres://');

    expect((await node.call('PUT', '/v1/products/after', { body: productBody() })).status).toBe(201);
    expect((await node.call('GET', '/v1/products/before')).status).toBe(200);
  });
});
