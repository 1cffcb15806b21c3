import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/adapters/files/package-root.js';
import { SECRET_KEY, startTestAttune, type TestAttune } from './support/test-attune.js';

const MARKER = '<!-- examples run by test/readme-examples.test.ts -->';
const readme = readFileSync(`${packageRoot()}/README.md`, 'utf8');

/** The `curl` commands of every shell block after the marker, continuation lines joined. */
function markedCurlCommands(): string[] {
  const commands: string[] = [];
  for (const part of readme.split(MARKER).slice(1)) {
    const block = /```sh\n([\s\S]*?)```/.exec(part)?.[1] ?? '';
    commands.push(
      ...block
        .replaceAll('\\\n', ' ')
        .split('\n')
        .filter((line) => line.startsWith('curl ')),
    );
  }
  return commands;
}

/** Splits a command line into words as a POSIX shell would for these examples (quotes, $KEY). */
function words(command: string): string[] {
  const found: string[] = [];
  for (const match of command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    found.push((match[1] ?? match[2] ?? match[3] ?? '').replaceAll('$KEY', SECRET_KEY));
  }
  return found;
}

/** What a curl command asks for: method, path, headers and body. */
function requestOf(command: string) {
  const args = words(command).slice(1);
  let method: string | undefined;
  let url = '';
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const value = args[index + 1] ?? '';
    if (arg === '-s') continue;
    if (arg === '-X') method = value;
    else if (arg === '-H') {
      const [name = '', ...rest] = value.split(':');
      headers[name.trim().toLowerCase()] = rest.join(':').trim();
    } else if (arg === '-d') body = value;
    else {
      url = arg;
      continue;
    }
    index++;
  }
  return {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    url: url.replace(/^localhost:8080/, ''),
    headers,
    body,
  };
}

describe('the README examples marked as run', () => {
  let node: TestAttune;
  beforeAll(async () => {
    node = await startTestAttune({ ATTUNE_METRICS_REQUIRE_KEY: 'true' });
  });
  afterAll(() => node.dispose());

  const commands = markedCurlCommands();
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
