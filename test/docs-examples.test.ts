import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/adapters/files/package-root.js';
import { markedCurlCommands, matchesTemplate, requestOf, type CurlRequest } from './support/curl-examples.js';
import { startTestAttune, type TestAttune } from './support/test-attune.js';

const MARKER = '<!-- examples run by test/docs-examples.test.ts -->';
const page = readFileSync(`${packageRoot()}/docs/examples.md`, 'utf8');
const examples = markedCurlCommands(page, MARKER, 'all').map(requestOf);

/**
 * docs/examples.md, run top to bottom against one fresh node as a newcomer would paste it: every command
 * succeeds, every document it writes can be read back and written back unchanged, and every
 * operation of the OpenAPI document has one.
 */
describe('docs/examples.md', () => {
  let node: TestAttune;
  let baseUrl: string;
  beforeAll(async () => {
    // The crm.example.com webhook is saved without a DNS lookup this machine may not have.
    node = await startTestAttune({ ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true' });
    baseUrl = await node.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => node.dispose());

  it.each(examples)('$command', async (example) => {
    if (example.url.startsWith('/v1/stream') || example.url.startsWith('/v1/events/live')) {
      expect(await firstStreamEvent(baseUrl, example)).toMatch(/^(event|:|data|id|retry)/m);
      return;
    }
    const { 'x-save-cookie': _jar, ...headers } = example.headers;
    const response = await node.app.inject({
      method: example.method as 'GET',
      url: withValues(example.url),
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, withValues(value)])),
      ...(example.body !== undefined && { payload: example.body }),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    remember(example, response);
    if (example.method === 'PUT' && READABLE.test(example.url)) await expectReadBackWritable(example);
  });

  /** What a GET answers, a PUT takes back unchanged, and the object reads the same after it. */
  async function expectReadBackWritable(example: CurlRequest): Promise<void> {
    const read = await node.app.inject({ method: 'GET', url: example.url, headers: example.headers });
    expect(read.statusCode, read.body).toBe(200);
    const written = await node.app.inject({
      method: 'PUT',
      url: example.url,
      headers: { ...example.headers, 'content-type': 'application/json' },
      payload: read.body,
    });
    expect(written.statusCode, `written back: ${written.body}`).toBeLessThan(300);
    const again = await node.app.inject({ method: 'GET', url: example.url, headers: example.headers });
    expect(withoutBookkeeping(again.json())).toEqual(withoutBookkeeping(read.json()));
  }

  it('has an example of every operation', async () => {
    const document = (await node.call('GET', '/openapi.json')).json() as { paths: Record<string, object> };
    const missing = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter(
          (method) =>
            !examples.some((example) => example.method === method && matchesTemplate(example.url, template)),
        )
        .map((method) => `${method} ${template}`),
    );
    expect(missing).toEqual([]);
  });
});

/** Values the examples name (`$KEY_ID`, `$USER_ID`, `$SESSION`, `$CSRF`), from earlier answers. */
const values = new Map<string, string>();

function withValues(text: string): string {
  return text.replace(/\$([A-Z_]+)/g, (whole, name: string) => values.get(name) ?? whole);
}

function remember(example: CurlRequest, response: { headers: Record<string, unknown>; body: string }): void {
  if (example.method !== 'POST') return;
  const answer = JSON.parse(response.body) as { id?: string; csrf?: { token: string } };
  if (example.url === '/v1/keys' && answer.id !== undefined) values.set('KEY_ID', answer.id);
  if (example.url === '/v1/users' && answer.id !== undefined) values.set('USER_ID', answer.id);
  if (example.url === '/v1/sessions' && answer.csrf !== undefined) {
    values.set('CSRF', answer.csrf.token);
    values.set('SESSION', String(response.headers['set-cookie']).split(';')[0] ?? '');
  }
}

/** Documents with a GET beside their PUT (stock and consent are set, not read back, at their own address). */
const READABLE = /^\/v1\/(?!inventory\/|profiles\/)/;

/** What a write moves by itself: its version and time, and the back-fill (and member count) a rule's write starts. */
function withoutBookkeeping(document: Record<string, unknown>): Record<string, unknown> {
  const {
    version: _version,
    updatedAt: _updatedAt,
    backfill: _backfill,
    members: _members,
    ...rest
  } = document;
  return rest;
}

/** Opens the live stream as `curl -N` would and reads until its first line arrives. */
async function firstStreamEvent(baseUrl: string, example: CurlRequest): Promise<string> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${example.url}`, {
    headers: example.headers,
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const { value } = await reader.read();
  controller.abort();
  return new TextDecoder().decode(value);
}
