import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createNodeHttpTransport, type ResolveHost } from './node-http-transport.js';
import { OwnReceiverAllowance } from './own-receiver.js';

const noDns: ResolveHost = (hostname) => Promise.reject(new Error(`no DNS for ${hostname} in tests`));

describe("the node's own receiver (the demo mailbox)", () => {
  it('is only ever an http URL on a loopback IP literal', () => {
    const allowance = new OwnReceiverAllowance();
    for (const url of [
      'http://localhost:8080/demo/mailbox',
      'https://127.0.0.1:8080/demo/mailbox',
      'http://10.0.0.7:8080/demo/mailbox',
      'http://93.184.216.34/demo/mailbox',
      'http://[::ffff:127.0.0.1]:8080/demo/mailbox',
    ])
      expect(() => allowance.allow(url), url).toThrow(/loopback/);
    expect(() => allowance.allow('http://127.0.0.1:8080/demo/mailbox')).not.toThrow();
    expect(() => allowance.allow('http://[::1]:8080/demo/mailbox')).not.toThrow();
  });

  it('lets exactly that URL through, and nothing else private or on loopback', async () => {
    let received = 0;
    const server = createServer((request, response) => {
      received++;
      request.resume();
      response.statusCode = 204;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const ownReceiver = new OwnReceiverAllowance();
    const transport = createNodeHttpTransport({ allowPrivate: false, resolveHost: noDns, ownReceiver });
    const own = `http://127.0.0.1:${port}/demo/mailbox`;
    try {
      // Before the demo sets it, the mailbox is refused like any loopback target.
      await expect(transport.check(own)).rejects.toThrow(/loopback/);
      ownReceiver.allow(own);
      await expect(transport.check(own)).resolves.toBeUndefined();
      expect(await transport.post(own, {}, '{}')).toBe(204);
      for (const other of [
        `http://127.0.0.1:${port}/demo/other`,
        `http://127.0.0.1:${port}/demo/mailbox?x=1`,
        `http://127.0.0.1:${port + 1}/demo/mailbox`,
        `http://127.0.0.2:${port}/demo/mailbox`,
        'http://10.0.0.7/demo/mailbox',
      ]) {
        await expect(transport.check(other), other).rejects.toThrow(/not a public address/);
        await expect(transport.post(other, {}, '{}'), other).rejects.toThrow(/refused/);
      }
      expect(received).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
