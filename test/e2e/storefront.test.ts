import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/adapters/files/package-root.js';
import { startChildServer, waitForStatus, type ChildServer } from '../support/child-server.js';
import { productBody, startTestAttune } from '../support/test-attune.js';

/** Debian's chromium (`.ci/run` installs it); playwright's own browser download is not used. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
/** Where the test leaves its screenshots. */
export const SCREENSHOTS = resolve(packageRoot(), '.artifacts');

if (CHROMIUM === undefined) {
  if (process.env['CI'] !== undefined) throw new Error('CI needs Debian chromium for the storefront test');
  console.warn('storefront browser test skipped: no chromium (apt-get install chromium)');
}

describe.skipIf(CHROMIUM === undefined)('the demo storefront in headless Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-storefront-'));
  let server: ChildServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startChildServer({ DATA_DIR: dataDir, ATTUNE_DEMO: '1', LOG_LEVEL: 'warn' });
    // The first start loads the demo (as in demo-server.test.ts): a ceiling on waiting on a busy machine.
    await waitForStatus(`${server.baseUrl}/readyz`, 200, 240_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 270_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Picks who is looking and waits until the page has been drawn for them. */
  async function lookAs(page: Page, userId: string): Promise<void> {
    await page.selectOption('#viewer', userId);
    await page.locator(`#page[data-viewer="${userId}"]`).waitFor();
  }

  async function listed(page: Page): Promise<(string | null)[]> {
    const cards = await page.locator('[data-test=listing] [data-product-id]').all();
    return Promise.all(cards.map((card) => card.getAttribute('data-product-id')));
  }

  it('shows two customers different listings of the same category', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.baseUrl}/#/c/kitchen`);
    await lookAs(page, '13094');
    const tLightBuyer = await listed(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'storefront-kitchen-13094.png'), fullPage: true });
    await lookAs(page, '14560');
    const baking = await listed(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'storefront-kitchen-14560.png'), fullPage: true });
    expect(tLightBuyer).toHaveLength(24);
    expect(baking).toHaveLength(24);
    expect(baking).not.toEqual(tLightBuyer);
    expect(await page.innerText('[data-test=who]')).toContain('Personalised for this customer');
    await page.close();
  });

  it("signs in only as the demo's own customers", async () => {
    const config = (await (await fetch(`${server.baseUrl}/demo/config`)).json()) as {
      publishableKey: string;
      customers: { userId: string }[];
    };
    expect(config.publishableKey).toMatch(/^pk_/);
    expect(config.customers.map((customer) => customer.userId)).toContain('14560');
    const signIn = (userId: string) =>
      fetch(`${server.baseUrl}/demo/customer-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
    expect((await signIn('14560')).status).toBe(200);
    const refused = await signIn('12347');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden', pointer: '/userId' });
  });

  it(
    'nudges towards an offer, then announces it live when the cart qualifies',
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.baseUrl}/#/p/85123A`);
      await lookAs(page, '14560');
      await page.waitForSelector('#live.on');
      await page.fill('#quantity', '1');
      await page.click('[data-test=add-to-cart]');
      const offer = page.locator('[data-test=offers] [data-promotion-id=spend-25]');
      // The page is drawn again with the line in the cart: £25.00 − 1 × £2.95 to go.
      await expect.poll(() => offer.textContent()).toMatch(/add £22\.05 more/);
      expect(await offer.getAttribute('data-qualified')).toBe('false');

      await page.fill('#quantity', '10');
      await page.click('[data-test=add-to-cart]');
      // The page hears it on the live stream: the profile's cart qualified after the event.
      const unlocked = page.locator('.toast[data-event="offer.unlocked"]');
      // The toast comes over the live stream after the add is processed: a wait ceiling, not a timing check.
      await unlocked.waitFor({ timeout: 60_000 });
      expect(await unlocked.textContent()).toBe('Offer unlocked: 10% off orders of £25 or more');
      await expect.poll(() => offer.getAttribute('data-qualified')).toBe('true');
      await page.screenshot({ path: join(SCREENSHOTS, 'storefront-offer-unlocked.png'), fullPage: true });

      await page.goto(`${server.baseUrl}/#/cart`);
      await page.waitForSelector('[data-test=cart] table');
      const cart = await page.innerText('[data-test=cart]');
      expect(cart).toContain('11 × £2.95');
      expect(cart).toContain('✓ 10% off over £25');
      await page.close();
    },
  );

  it(
    'shows a signed-in customer the last message the demo journeys sent them, once they consent',
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.baseUrl}/#/`);
      await lookAs(page, '17850');
      expect(await page.innerText('[data-test=mailbox]')).toContain('No message yet');
      // Marketing consent through the public consent route, as the customer (their token).
      const consented = page.waitForResponse((response) =>
        response.url().endsWith('/v1/profiles/17850/consent'),
      );
      await page.check('#marketing-consent');
      expect((await consented).status()).toBe(200);

      await page.goto(`${server.baseUrl}/#/p/22423`);
      await page.waitForSelector('[data-test=add-to-cart]');
      await page.click('[data-test=add-to-cart]');
      await page.goto(`${server.baseUrl}/#/cart`);
      await page.click('[data-test=place-order]');
      // Order → journey step → outbox → signed webhook → the demo mailbox: a wait ceiling, not a timing check.
      const message = page.locator('[data-test=mailbox-message][data-journey-id=demo-post-purchase]');
      await message.waitFor({ timeout: 60_000 });
      expect(await page.textContent('[data-test=mailbox-coupon]')).toMatch(/^J-[A-Z0-9]+$/);
      expect(await page.textContent('[data-test=mailbox-coupon-expiry]')).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      expect(await message.locator('li[data-product-id]').count()).toBeGreaterThan(0);
      expect(await message.innerText()).toContain('Order Completed');
      expect(await page.textContent('#cart-count')).toBe('0');
      await page.screenshot({ path: join(SCREENSHOTS, 'storefront-journey-message.png'), fullPage: true });

      // Another customer sees their own mailbox, not this message.
      await page.goto(`${server.baseUrl}/#/`);
      await lookAs(page, '15769');
      expect(await page.innerText('[data-test=mailbox]')).toContain('No message yet');
      await page.close();
    },
  );

  it('keeps what the shopper typed when a slow answer redraws the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A loaded server: every decide answer takes a while, so a redraw lands after the shopper acts.
    await page.route('**/v1/decide', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto(`${server.baseUrl}/#/p/22423`);
    await page.waitForSelector('[data-test=add-to-cart]');
    const drawn = Number(await page.getAttribute('#page', 'data-renders'));
    await page.click('[data-test=add-to-cart]');
    await page.fill('#quantity', '7');
    // The redraw the add asked for lands after the 7 was typed, and keeps it.
    await page.waitForFunction(`Number(document.querySelector('#page').dataset.renders) > ${drawn}`);
    expect(await page.inputValue('#quantity')).toBe('7');
    await page.click('[data-test=add-to-cart]');
    expect(await page.textContent('#cart-count')).toBe('8');
    await page.close();
  });
  it.each([390, 1440])('lays every page out at %i px wide, menu and all, with screenshots', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.baseUrl}/#/`);
    await lookAs(page, '14560');
    for (const [name, route] of [
      ['home', '#/'],
      ['category', '#/c/kitchen'],
      ['product', '#/p/85123A'],
      ['cart', '#/cart'],
    ] as const) {
      // The home page is drawn already (for the customer picked); the others once the address moves.
      if (route !== '#/') {
        const drawn = Number(await page.getAttribute('#page', 'data-renders'));
        await page.goto(`${server.baseUrl}/${route}`);
        await page.waitForFunction(`Number(document.querySelector('#page').dataset.renders) > ${drawn}`);
      }
      // Nothing runs off the side: no sideways scrolling, every menu entry within reach.
      const overflow = await page.evaluate(`({
        page: document.documentElement.scrollWidth - window.innerWidth,
        menu: Math.max(0, ...[...document.querySelectorAll('header a, header select')].map(
          (element) => element.getBoundingClientRect().right - window.innerWidth)),
      })`);
      expect(overflow, `${name} at ${width} px`).toEqual({ page: 0, menu: 0 });
      await page.screenshot({ path: join(SCREENSHOTS, `storefront-${name}-${width}.png`), fullPage: true });
    }
    await page.close();
  });
});

describe('demo mode on a shop’s own data', () => {
  it('does not sign anyone in: the store does not hold the demo customers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attune-own-data-'));
    try {
      const own = await startTestAttune({}, { dataDir });
      await own.call('PUT', '/v1/products/own', { body: productBody() });
      await own.dispose();
      const demoMode = await startTestAttune({ ATTUNE_DEMO: '1' }, { dataDir });
      await demoMode.backgroundWork;
      const signIn = await demoMode.call('POST', '/demo/customer-token', {
        key: null,
        body: { userId: '14560' },
      });
      expect(signIn.status).toBe(404);
      expect((await demoMode.call('GET', '/demo/config', { key: null })).status).toBe(404);
      expect((await demoMode.call('GET', '/v1/products/own')).status).toBe(200);
      await demoMode.dispose();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('outside demo mode', () => {
  it('serves neither the storefront nor its sign-in helper', async () => {
    const node = await startTestAttune();
    try {
      expect((await node.call('GET', '/', { key: null })).status).toBe(404);
      expect((await node.call('GET', '/demo/config', { key: null })).status).toBe(404);
      expect(
        (await node.call('POST', '/demo/customer-token', { key: null, body: { userId: '14560' } })).status,
      ).toBe(404);
    } finally {
      await node.dispose();
    }
  });
});
