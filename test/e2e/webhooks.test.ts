import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestAttune, type TestAttune } from '../support/test-attune.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly accepted: boolean;
}

/** A receiver that refuses every delivery until `acceptAfter`, then accepts. */
function startReceiver(acceptAfter: number): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const accepted = Date.now() >= acceptAfter;
      received.push({ headers: request.headers, body, accepted });
      response.statusCode = accepted ? 204 : 503;
      response.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/hooks`, received });
    }),
  );
}

describe('webhooks', () => {
  let node: TestAttune;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    node = await startTestAttune({ ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true' });
    receiver = await startReceiver(Date.now() + 2_500);
  });
  afterAll(async () => {
    await node.dispose();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  it('reaches a receiver that refused for a while: every message once, signed per Standard Webhooks', async () => {
    const put = await node.call('PUT', '/v1/webhooks/crm', {
      body: { url: receiver.url, events: ['segment.entered', 'segment.exited'], secret },
    });
    expect(put.status).toBe(201);
    expect(put.json().secret).not.toBe(secret);
    await node.call('PUT', '/v1/segments/buyers', {
      body: { name: 'Buyers', rule: { event: 'Order Completed' } },
    });
    await node.rules.backfill.idle();
    const customers = ['w-1', 'w-2', 'w-3', 'w-4', 'w-5'];
    for (const userId of customers) {
      await node.call('POST', '/v1/track', {
        body: { userId, event: 'Order Completed', properties: { order_id: `o-${userId}`, total: 5 } },
      });
    }

    const accepted = () => receiver.received.filter((delivery) => delivery.accepted);
    await vi.waitFor(() => expect(accepted()).toHaveLength(5), { timeout: 20_000, interval: 200 });
    expect(receiver.received.some((delivery) => !delivery.accepted)).toBe(true);

    const verifier = new Webhook(secret);
    const ids = new Set<string>();
    for (const delivery of accepted()) {
      const payload = verifier.verify(delivery.body, delivery.headers as Record<string, string>) as {
        type: string;
        data: { userId: string; segmentId: string };
      };
      expect(payload).toMatchObject({ type: 'segment.entered', data: { segmentId: 'buyers' } });
      ids.add(delivery.headers['webhook-id'] as string);
    }
    expect(ids.size).toBe(5);
    expect(new Set(accepted().map((delivery) => JSON.parse(delivery.body).data.userId))).toEqual(
      new Set(customers),
    );

    // Nothing more arrives once everything is delivered.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(accepted()).toHaveLength(5);
    const deliveries = (await node.call('GET', '/v1/webhooks/crm/deliveries')).json().items;
    expect(deliveries).toHaveLength(5);
    expect(deliveries.every((item: { deliveredAt: string | null }) => item.deliveredAt !== null)).toBe(true);
    expect(deliveries.some((item: { attempts: number }) => item.attempts > 0)).toBe(true);
  });

  it('rejects a tampered message on the receiver side', () => {
    const delivery = receiver.received.find((item) => item.accepted);
    expect(delivery).toBeDefined();
    const tampered = (delivery as Received).body.replace('buyers', 'others');
    expect(() =>
      new Webhook(secret).verify(tampered, (delivery as Received).headers as Record<string, string>),
    ).toThrow();
  });
});

describe('webhook targets', () => {
  it('refuses private, loopback and link-local targets unless told otherwise', async () => {
    const node = await startTestAttune();
    try {
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost/x',
        'http://169.254.169.254/latest/meta-data',
        'http://10.1.2.3/',
        'http://[::1]/x',
        'http://[::ffff:192.168.0.1]/',
      ]) {
        const response = await node.call('PUT', '/v1/webhooks/internal', {
          body: { url, events: ['segment.entered'], secret },
        });
        expect(response.json(), url).toMatchObject({
          status: 400,
          code: 'webhook_target_refused',
          pointer: '/url',
        });
      }
      const ftp = await node.call('PUT', '/v1/webhooks/internal', {
        body: { url: 'ftp://example.com/x', events: ['segment.entered'], secret },
      });
      expect(ftp.status).toBe(400);
      expect((await node.call('GET', '/v1/webhooks')).json().items).toEqual([]);
    } finally {
      await node.dispose();
    }
  });
});
