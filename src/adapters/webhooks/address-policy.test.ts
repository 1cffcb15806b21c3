import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifyAddress } from './address-policy.js';
import { createNodeHttpTransport, type ResolveHost } from './node-http-transport.js';

interface Row {
  readonly target?: string;
  readonly url?: string;
  readonly allowed: boolean;
  readonly reason?: string;
  readonly note?: string;
}
const { rows } = JSON.parse(readFileSync(new URL('./cases/addresses.json', import.meta.url), 'utf8')) as {
  rows: Row[];
};

const noDns: ResolveHost = (hostname) => Promise.reject(new Error(`no DNS for ${hostname} in tests`));

describe('which addresses a webhook may reach (cases/addresses.json)', () => {
  it('covers every form the review found, and more', () => {
    expect(rows.filter((row) => row.target !== undefined && !row.allowed).length).toBeGreaterThan(60);
    expect(rows.filter((row) => row.url !== undefined).length).toBeGreaterThan(15);
  });

  it.each(rows.filter((row) => row.target !== undefined).map((row) => [row.target, row] as const))(
    '%s',
    (target, row) => {
      const verdict = classifyAddress(target as string);
      expect(verdict.allowed).toBe(row.allowed);
      if (row.reason !== undefined) expect(verdict).toEqual({ allowed: false, reason: row.reason });
    },
  );

  it.each(rows.filter((row) => row.url !== undefined).map((row) => [row.url, row] as const))(
    '%s, as a webhook URL',
    async (url, row) => {
      const transport = createNodeHttpTransport({ allowPrivate: false, resolveHost: noDns });
      if (row.allowed) await expect(transport.check(url as string)).resolves.toBeUndefined();
      else {
        await expect(transport.check(url as string)).rejects.toThrow(/not a public address/);
        await expect(transport.post(url as string, {}, '{}')).rejects.toThrow(/refused/);
      }
    },
  );
});

/** A receiver on loopback that counts what reaches it. */
async function startReceiver() {
  let received = 0;
  const server = createServer((request, response) => {
    received++;
    request.resume();
    response.statusCode = 204;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('names are checked again when a webhook is delivered', () => {
  it('refuses a name that resolved to a public address when saved and to loopback at delivery', async () => {
    const receiver = await startReceiver();
    let lookups = 0;
    const rebinding: ResolveHost = async () =>
      lookups++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
    const transport = createNodeHttpTransport({ allowPrivate: false, resolveHost: rebinding });
    const url = `http://hooks.example:${receiver.port}/hooks`;
    try {
      await expect(transport.check(url)).resolves.toBeUndefined();
      await expect(transport.post(url, {}, '{}')).rejects.toThrow(/refused.*127\.0\.0\.1.*loopback/);
      expect(receiver.received()).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('refuses a name when any of its addresses is forbidden', async () => {
    const transport = createNodeHttpTransport({
      allowPrivate: false,
      resolveHost: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: 'fd00::1', family: 6 },
      ],
    });
    await expect(transport.check('https://mixed.example/hooks')).rejects.toThrow(/uniqueLocal/);
  });

  it('reaches a loopback receiver when private targets are allowed (development and tests)', async () => {
    const receiver = await startReceiver();
    const transport = createNodeHttpTransport({
      allowPrivate: true,
      resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    try {
      const url = `http://receiver.test:${receiver.port}/hooks`;
      await transport.check(url);
      expect(await transport.post(url, {}, '{}')).toBe(204);
      expect(receiver.received()).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});
