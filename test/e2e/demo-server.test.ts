import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, waitForStatus, type ChildServer } from '../support/child-server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'attune-e2e-'));
let server: ChildServer | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function countProducts(baseUrl: string, key: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const url: string = `${baseUrl}/v1/products?limit=200${cursor === null ? '' : `&cursor=${cursor}`}`;
    const page = (await (await fetch(url, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return count;
}

// The first start loads the demo catalogue and replays its history; on a busy shared CI machine that
// has taken over a minute. This is a ceiling on waiting, not a timing assertion.
const DEMO_READY_CEILING_MS = 240_000;

describe('attune serve as a real process on the embedded store', () => {
  it(
    'loads the demo catalogue on first start, keeps it across a restart, and shuts down cleanly',
    async () => {
      server = await startChildServer({ DATA_DIR: dataDir });
      await waitForStatus(`${server.baseUrl}/readyz`, 200, DEMO_READY_CEILING_MS);
      const publishable = /pk_[A-Za-z0-9_-]{20,}/.exec(server.output())?.[0];
      expect(publishable).toBeDefined();
      expect(server.output()).toMatch(/sk_[A-Za-z0-9_-]{20,}/);
      const key = publishable as string;

      expect(await countProducts(server.baseUrl, key)).toBeGreaterThanOrEqual(3500);
      const heart: any = await (
        await fetch(`${server.baseUrl}/v1/products/85123A`, { headers: { authorization: `Bearer ${key}` } })
      ).json();
      expect(heart).toMatchObject({
        title: 'White Hanging Heart T-Light Holder',
        price: { amount: 295, currency: 'GBP' },
      });
      expect(heart.categories[0]).toMatch(/^[a-z-]+(\/[a-z-]+)*$/);

      // A real customer of the replayed history gets their own for-you list, not a popular fallback.
      const secret = /sk_[A-Za-z0-9_-]{20,}/.exec(server.output())?.[0] as string;
      const forYou: any = await (
        await fetch(`${server.baseUrl}/v1/recommendations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ strategy: 'for-you', userId: '17850', limit: 10 }),
        })
      ).json();
      expect(forYou.fallback).toBeUndefined();
      expect(forYou.items).toHaveLength(10);
      expect(forYou.items[0].reason).toMatch(/you buy this often|you bought this before|because you bought/);

      // The demo's experiment runs with simulated traffic: every variant has units and numbers.
      const results: any = await (
        await fetch(`${server.baseUrl}/v1/experiments/home-recs/results`, {
          headers: { authorization: `Bearer ${secret}` },
        })
      ).json();
      expect(results.variants.map((variant: any) => variant.id)).toEqual(['for-you', 'popular', 'holdout']);
      for (const variant of results.variants) {
        expect(variant.units).toBeGreaterThan(0);
        expect(variant.ctr).toBeGreaterThan(0);
      }
      const overview = await fetch(`${server.baseUrl}/v1/analytics/overview`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(((await overview.json()) as any).holdout).toMatchObject({ experimentId: 'home-recs' });

      expect(await server.stop('SIGTERM')).toBe(0);

      server = await startChildServer({ DATA_DIR: dataDir });
      await waitForStatus(`${server.baseUrl}/readyz`, 200, DEMO_READY_CEILING_MS);
      expect(server.output()).not.toMatch(/New (secret|publishable) key/);
      const again: any = await (
        await fetch(`${server.baseUrl}/v1/products/85123A`, { headers: { authorization: `Bearer ${key}` } })
      ).json();
      expect(again.version).toBe(1);
      expect(await server.stop('SIGTERM')).toBe(0);
    },
    3 * DEMO_READY_CEILING_MS,
  );

  it('refuses to start with bad settings, naming each one', async () => {
    const bad = await startChildServer({ DATA_DIR: dataDir, ATTUNE_CURRENCY: 'XYZ', LOG_LEVEL: 'loud' });
    expect(await bad.exited()).toBe(1);
    expect(bad.output()).toContain('ATTUNE_CURRENCY="XYZ"');
    expect(bad.output()).toContain('LOG_LEVEL="loud"');
  });
});
