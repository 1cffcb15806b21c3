import { Webhook as Verifier } from 'standardwebhooks';
import { describe, expect, it, vi } from 'vitest';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import { useApps, type AppFixture } from '../../../test/support/app-fixture.js';
import { MAX_ATTEMPTS, retryDelay } from './delivery-worker.js';

const secret = `whsec_${Buffer.alloc(24, 9).toString('base64')}`;

/** A transport that records every post and answers with the status the test sets. */
function recordingTransport() {
  const posts: { url: string; headers: Readonly<Record<string, string>>; body: string }[] = [];
  const state = { status: 204 };
  const transport: WebhookTransport = {
    post: (url, headers, body) => {
      posts.push({ url, headers, body });
      return Promise.resolve(state.status);
    },
    check: () => Promise.resolve(),
  };
  return { posts, state, transport };
}

/** A subscriber to segment entries, and a customer entering the segment: one message queued. */
async function oneMessage(app: AppFixture): Promise<void> {
  await app.rules.webhooks.put({
    id: 'crm',
    url: 'https://crm.example/hooks',
    events: ['segment.entered'],
    secret,
  });
  await app.rules.segments.put('vip', { name: 'VIP', rule: { trait: 'traits.vip', op: 'eq', value: true } });
  await app.rules.backfill.idle();
  await app.track({ type: 'identify', userId: 'u1', traits: { vip: true } });
}

describe('webhook delivery (the outbox worker)', () => {
  const recording = recordingTransport();
  // Signatures carry the clock's time, and the verifier checks it against the real one.
  const start = useApps({ transport: recording.transport, start: Date.now() });

  it('delivers a queued message, signed per Standard Webhooks, and marks it delivered', async () => {
    recording.posts.length = 0;
    recording.state.status = 204;
    const app = await start();
    await oneMessage(app);
    await vi.waitFor(async () => expect((await app.store.outboxOf('crm'))[0]?.deliveredAt).not.toBeNull());
    expect(recording.posts).toHaveLength(1);
    const [post] = recording.posts;
    expect(post?.url).toBe('https://crm.example/hooks');
    const verified = new Verifier(secret).verify(post?.body ?? '', { ...post?.headers });
    expect(verified).toMatchObject({ type: 'segment.entered', data: { segmentId: 'vip', userId: 'u1' } });
    expect(post?.headers['webhook-id']).toBe((await app.store.outboxOf('crm'))[0]?.id);
  });

  it('signs with the new secret once the webhook secret is rotated', async () => {
    recording.posts.length = 0;
    recording.state.status = 204;
    const app = await start();
    await oneMessage(app);
    await vi.waitFor(() => expect(recording.posts).toHaveLength(1));
    const rotated = `whsec_${Buffer.alloc(24, 4).toString('base64')}`;
    await app.rules.webhooks.put({
      id: 'crm',
      url: 'https://crm.example/hooks',
      events: ['segment.entered'],
      secret: rotated,
    });
    await app.track({ type: 'identify', userId: 'u2', traits: { vip: true } });
    await vi.waitFor(() => expect(recording.posts).toHaveLength(2));
    const [first, second] = recording.posts;
    expect(() => new Verifier(rotated).verify(first?.body ?? '', { ...first?.headers })).toThrow();
    expect(new Verifier(rotated).verify(second?.body ?? '', { ...second?.headers })).toMatchObject({
      data: { userId: 'u2' },
    });
  });

  it('retries a failed delivery after the backoff, with the same webhook-id', async () => {
    recording.posts.length = 0;
    recording.state.status = 500;
    const app = await start();
    await oneMessage(app);
    await vi.waitFor(async () => expect((await app.store.outboxOf('crm'))[0]?.attempts).toBe(1));
    expect((await app.store.outboxOf('crm'))[0]).toMatchObject({
      deliveredAt: null,
      lastError: expect.any(String),
    });
    recording.state.status = 204;
    app.clock.advance(retryDelay(1));
    await vi.waitFor(async () => expect((await app.store.outboxOf('crm'))[0]?.deliveredAt).not.toBeNull(), {
      timeout: 5_000,
    });
    expect(recording.posts).toHaveLength(2);
    expect(recording.posts[1]?.headers['webhook-id']).toBe(recording.posts[0]?.headers['webhook-id']);
  });
});

describe('retryDelay', () => {
  it('doubles from a second up to an hour', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelay(MAX_ATTEMPTS)).toBe(3_600_000);
  });
});
