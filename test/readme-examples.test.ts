import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/adapters/files/package-root.js';
import { markedCurlCommands, requestOf } from './support/curl-examples.js';
import { startTestAttune, type TestAttune } from './support/test-attune.js';

const MARKER = '<!-- examples run by test/readme-examples.test.ts -->';
const readme = readFileSync(`${packageRoot()}/README.md`, 'utf8');

describe('the README examples marked as run', () => {
  let node: TestAttune;
  beforeAll(async () => {
    node = await startTestAttune({ ATTUNE_METRICS_REQUIRE_KEY: 'true' });
  });
  afterAll(() => node.dispose());

  const commands = markedCurlCommands(readme, MARKER);
  it('are there', () => {
    expect(commands.length).toBeGreaterThanOrEqual(2);
  });

  it.each(commands)('%s', async (command) => {
    const { method, url, headers, body } = requestOf(command);
    const response = await node.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body !== undefined && { payload: body }),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
  });
});
