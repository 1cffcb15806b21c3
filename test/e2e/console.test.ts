import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/adapters/files/package-root.js';
import { startChildServer, waitForStatus, type ChildServer } from '../support/child-server.js';

/** Debian's chromium, as the storefront test drives it; playwright's own browser download is not used. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const SCREENSHOTS = resolve(packageRoot(), '.artifacts');
const SECRET_KEY = 'sk_console_test_0123456789abcdefghij';
const ADMIN = { email: 'ada@shop.example', password: 'correct horse battery staple', role: 'admin' };
const VIEWER = { email: 'vic@shop.example', password: 'viewer horse battery staple', role: 'viewer' };
const DAY_MS = 24 * 3_600_000;
const WIDE = { width: 1440, height: 1000 };
const NARROW = { width: 390, height: 844 };

if (CHROMIUM === undefined) {
  if (process.env['CI'] !== undefined) throw new Error('CI needs Debian chromium for the console test');
  console.warn('console browser test skipped: no chromium (apt-get install chromium)');
}

describe.skipIf(CHROMIUM === undefined)('the merchant console in headless Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-console-'));
  let server: ChildServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  /** Every body the admin's browser received, to prove no secret reached it. */
  const received: string[] = [];

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };

  beforeAll(async () => {
    server = await startChildServer({
      DATA_DIR: dataDir,
      // Outside demo mode: the console is served in every mode, and this test seeds its own few objects.
      ATTUNE_DEMO: '0',
      LOG_LEVEL: 'warn',
      ATTUNE_SECRET_KEY: SECRET_KEY,
      // The cheapest cost the node accepts: the test signs in a few times on a shared machine.
      ATTUNE_PASSWORD_SCRYPT_LOG_N: '14',
    });
    await waitForStatus(`${server.baseUrl}/readyz`, 200, 120_000);
    await seed();
    browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    admin = await browser.newContext({ viewport: WIDE });
    page = await admin.newPage();
    page.on('response', (response) => {
      void response.text().then(
        (text) => received.push(text),
        () => {},
      );
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Products, three customers (two in GB), a promotion that starts in three days, an experiment, two users. */
  async function seed(): Promise<void> {
    for (const [id, title, amount] of [
      ['mug', 'Blue mug', 800],
      ['teapot', 'Brown teapot', 2400],
    ] as const) {
      await call('PUT', `/v1/products/${id}`, {
        title,
        categories: ['home/kitchen'],
        price: { amount, currency: 'GBP' },
      });
    }
    for (const [userId, country] of [
      ['c-gb-1', 'GB'],
      ['c-gb-2', 'GB'],
      ['c-fr-1', 'FR'],
    ]) {
      await call('POST', '/v1/identify', { userId, traits: { country } });
    }
    await call('PUT', '/v1/promotions/flash-sale', {
      title: 'Flash sale: 5% off everything',
      badge: 'Flash sale',
      currency: 'GBP',
      startsAt: new Date(Date.now() + 3 * DAY_MS).toISOString(),
      action: { type: 'percent_off', target: 'order', percent: 5 },
    });
    await call('PUT', '/v1/experiments/home-recs', {
      name: 'Home recommendations',
      status: 'running',
      metric: 'conversion',
      variants: [
        { id: 'control', weight: 50, changes: {} },
        { id: 'trending', weight: 50, changes: {} },
      ],
    });
    await call('PUT', '/v1/inventory/teapot', { available: 0 });
    await call('PUT', '/v1/inventory/mug', { available: 12 });
    await call('PUT', '/v1/price-lists/gb-friends', {
      type: 'sale',
      currency: 'GBP',
      audience: { customers: ['c-gb-2'] },
      rule: { percentOff: 25, match: { categories: ['home'] } },
    });
    await call('PUT', '/v1/content/slots/home-hero', {
      variants: [
        {
          id: 'uk-banner',
          audience: { segments: ['uk-shoppers'] },
          payload: { title: 'Hello, UK', cta: 'Shop now' },
        },
        { id: 'default', payload: { title: 'Spring is here' } },
      ],
    });
    await call('PUT', '/v1/loyalty/program', {
      currency: 'GBP',
      pointsPerUnit: 1,
      tiers: [
        { id: 'member', perks: {} },
        { id: 'gold', minPoints: 500, perks: { percentOff: 5 } },
      ],
    });
    await call('POST', '/v1/users', ADMIN);
    await call('POST', '/v1/users', VIEWER);
  }

  async function signIn(on: Page, user: { email: string; password: string }): Promise<void> {
    await on.goto(`${server.baseUrl}/console/`);
    await on.fill('#email', user.email);
    await on.fill('#password', user.password);
    await on.click('[data-test=sign-in] button[type=submit]');
    await on.locator('[data-test=role]').waitFor();
  }

  async function open(on: Page, label: string): Promise<void> {
    await on.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
    await on.locator('#page-title', { hasText: label }).waitFor();
  }

  async function shoot(on: Page, name: string): Promise<void> {
    await on.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`), fullPage: true });
  }

  /** axe-core's WCAG 2 A/AA rules: no serious or critical violation on what the page shows now. */
  async function expectAccessible(on: Page, where: string): Promise<void> {
    const results = await new AxeBuilder({ page: on }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const grave = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    expect(grave, where).toEqual([]);
  }

  it('signs in with a labelled, keyboard-reachable form', async () => {
    await page.goto(`${server.baseUrl}/console/`);
    await page.locator('[data-test=sign-in]').waitFor();
    await expectAccessible(page, 'sign-in');
    await shoot(page, 'sign-in');
    // Keyboard only: the labels lead to the fields, Enter submits.
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-test=role]').textContent()).toBe('admin');
    // The first Tab reaches the skip link, which takes the focus to the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
  });

  it('creates a segment in a form and shows its member count', { timeout: 90_000 }, async () => {
    await open(page, 'Segments');
    await page.getByRole('button', { name: 'New segment' }).click();
    const form = page.locator('[data-test=segment-form]');
    await form.getByLabel('Id').fill('uk-shoppers');
    await form.getByLabel('Name').fill('UK shoppers');
    await form.getByLabel('Trait 1').fill('traits.country');
    await form.getByLabel('Operator').selectOption('eq');
    await form.getByLabel('Value').fill('GB');
    await form.getByRole('button', { name: 'Save' }).click();
    const members = page.locator('[data-segment-id=uk-shoppers] [data-test=members]');
    // The count is read again every few seconds, as the back-fill and new events move it.
    await expect.poll(() => members.textContent(), { timeout: 60_000 }).toBe('2');
    await expectAccessible(page, 'segments');
    await shoot(page, 'segments');
  });

  it('creates a promotion and dry-runs a cart against it', async () => {
    await open(page, 'Promotions');
    await page.getByRole('button', { name: 'New promotion' }).click();
    const form = page.locator('[data-test=promotion-form]');
    await form.getByLabel('Id').fill('uk-ten');
    await form.getByLabel('Title').fill('10% off for UK shoppers over £10');
    await form.getByLabel('Badge').fill('UK 10% off');
    await form.getByLabel('Minimum subtotal (major units)').fill('10');
    await form.getByLabel('Percent', { exact: true }).fill('10');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-promotion-id=uk-ten]').waitFor();

    const dryRun = page.locator('[data-test=dry-run-form]');
    await dryRun.getByLabel('Lines (one per line: product id and quantity)').fill('mug 2');
    await dryRun.getByLabel('Customer id (empty: an anonymous visitor)').fill('c-gb-1');
    await dryRun.getByRole('button', { name: 'Evaluate' }).click();
    const result = page.locator('[data-test=dry-run-result]');
    await result.waitFor();
    expect(await result.locator('[data-test=discount][data-promotion-id=uk-ten]').textContent()).toBe(
      '−£1.60',
    );
    expect(await result.locator('[data-test=total]').textContent()).toBe('£14.40');
    await expectAccessible(page, 'promotions');
    await shoot(page, 'promotions');
  });

  it('previews a customer next week beside an anonymous visitor, with the reasons', async () => {
    // The new promotion is for the segment only: a customer in it sees it, a visitor does not.
    await call('PUT', '/v1/promotions/uk-ten', {
      ...((await (await call('GET', '/v1/promotions/uk-ten')).json()) as Record<string, unknown>),
      audience: { segments: ['uk-shoppers'] },
      id: undefined,
      version: undefined,
      updatedAt: undefined,
    });
    await open(page, 'Preview as a customer');
    const form = page.locator('[data-test=preview-form]');
    await form.getByLabel('Customer id').fill('c-gb-1');
    await form.getByLabel('Cart (one line each: product id and quantity)').fill('mug 2');
    // The time stays as the form suggests it: a week from now, when the flash sale has started.
    await form.getByRole('button', { name: 'Preview' }).click();
    const customer = page.locator('[data-test=preview-customer]');
    const visitor = page.locator('[data-test=preview-visitor]');
    await customer.waitFor();
    expect(await customer.locator('[data-test=offers] [data-promotion-id]').evaluateAll(ids)).toEqual(
      expect.arrayContaining(['flash-sale', 'uk-ten']),
    );
    expect(await visitor.locator('[data-test=offers] [data-promotion-id]').evaluateAll(ids)).toEqual([
      'flash-sale',
    ]);
    expect(await customer.textContent()).toContain('segments: uk-shoppers');
    expect(await customer.locator('.card').count()).toBeGreaterThan(0);
    // Every reason is on the page: the customer's cart gets both discounts and says why; the visitor's only one.
    expect(await customer.locator('[data-test=cart-reasons] [data-promotion-id]').evaluateAll(ids)).toEqual(
      expect.arrayContaining(['flash-sale', 'uk-ten']),
    );
    expect(await visitor.locator('[data-test=cart-reasons] [data-promotion-id]').evaluateAll(ids)).toEqual([
      'flash-sale',
    ]);
    expect(await customer.locator('[data-test=offers] .reason').count()).toBe(2);
    await expectAccessible(page, 'preview');
    await shoot(page, 'preview');
  });

  it('finds both changes in the audit log with their diffs', { timeout: 60_000 }, async () => {
    await open(page, 'Audit log');
    const segment = page.locator('[data-resource="segment:uk-shoppers"][data-action=create]');
    await segment.getByRole('button').click();
    const segmentDiff = await segment.locator('[data-test=diff]').textContent();
    expect(segmentDiff).toContain('/name');
    expect(segmentDiff).toContain('UK shoppers');
    expect(segmentDiff).toContain('traits.country');
    expect(await segment.textContent()).toContain('user usr_');

    const promotion = page.locator('[data-resource="promotion:uk-ten"][data-action=create]');
    await promotion.getByRole('button').click();
    const promotionDiff = await promotion.locator('[data-test=diff]').textContent();
    expect(promotionDiff).toContain('/action/percent');
    expect(promotionDiff).toContain('10% off for UK shoppers over £10');
    // The later change (by the key) shows only what it changed: the audience.
    const update = page.locator('[data-resource="promotion:uk-ten"][data-action=update]');
    await update.getByRole('button').click();
    const updateRows = await update.locator('[data-test=diff] tbody th').allTextContents();
    expect(updateRows.some((row) => row.startsWith('/audience'))).toBe(true);
    expect(updateRows.some((row) => row.startsWith('/title'))).toBe(false);
    await expectAccessible(page, 'audit');
    await shoot(page, 'audit');
  });

  it('draws the dashboard and the experiment results as charts', async () => {
    await open(page, 'Dashboard');
    await page.locator('[data-test=overview]').waitFor();
    await page.locator('[data-test=chart-activity] canvas').waitFor();
    await expectAccessible(page, 'dashboard');
    await shoot(page, 'dashboard');

    await open(page, 'Experiments');
    await page.getByRole('button', { name: /Home recommendations/ }).click();
    const results = page.locator('[data-test=experiment-results]');
    await results.locator('[data-test=chart-conversion] canvas').waitFor();
    expect(await results.locator('[data-test=variants] tbody th').allTextContents()).toEqual([
      'control',
      'trending',
    ]);
    await expectAccessible(page, 'experiments');
    await shoot(page, 'experiments');
  });

  it('creates, lists and revokes a publishable key; never shows a secret', async () => {
    await open(page, 'API keys');
    await page.getByLabel('Label of a new publishable key').fill('shop front 2');
    await page.getByRole('button', { name: 'Create publishable key' }).click();
    const row = page.locator('[data-key-id]', { hasText: 'shop front 2' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/pk_/);
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Revoke shop front 2' }).click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    await expectAccessible(page, 'keys');
    await shoot(page, 'keys');
  });

  it('browses the catalogue with stock, loyalty, price lists with a checker, content, rules and webhooks', async () => {
    await open(page, 'Catalogue');
    const stock = page.locator('[data-product-id=teapot] [data-test=stock]');
    expect(await stock.textContent()).toBe('out of stock (0)');
    expect(await page.locator('[data-product-id=mug] [data-test=stock]').textContent()).toBe('in stock (12)');
    await expectAccessible(page, 'catalogue');
    await shoot(page, 'catalogue');

    await open(page, 'Loyalty');
    await page.locator('[data-test=tiers] td', { hasText: 'gold' }).waitFor();
    expect(await page.locator('[data-test=tiers] tbody td:first-child').allTextContents()).toEqual([
      'member',
      'gold',
    ]);
    await expectAccessible(page, 'loyalty');
    await shoot(page, 'loyalty');

    await open(page, 'Price lists');
    const checker = page.locator('[data-test=price-checker]');
    await checker.getByLabel('Customer id (empty: an anonymous visitor)').fill('c-gb-2');
    await checker.getByLabel('Product ids (comma separated)').fill('mug, teapot');
    await checker.getByRole('button', { name: 'Check prices' }).click();
    const prices = page.locator('[data-test=resolved-prices] [data-test=final]');
    await prices.first().waitFor();
    expect(await prices.allTextContents()).toEqual(['£6.00', '£18.00']);
    await expectAccessible(page, 'price lists');
    await shoot(page, 'price-lists');

    await open(page, 'Content slots');
    await page.getByLabel('Slot id').fill('home-hero');
    await page.getByRole('button', { name: 'Open' }).click();
    const variants = page.locator('[data-test=variants] article');
    await variants.first().waitFor();
    expect(await variants.locator('.banner strong').allTextContents()).toEqual([
      'Hello, UK',
      'Spring is here',
    ]);
    await expectAccessible(page, 'content');
    await shoot(page, 'content');

    await open(page, 'Rules');
    await page.getByLabel('Listing rules (JSON)').waitFor();
    await expectAccessible(page, 'rules');
    await shoot(page, 'rules');

    await open(page, 'Webhooks');
    await page.locator('[data-test=webhooks]').waitFor();
    await expectAccessible(page, 'webhooks');
    await shoot(page, 'webhooks');
  });

  it('shows events live as they arrive', async () => {
    await open(page, 'Live events');
    await page.locator('[data-test=live-state][data-state=live]').waitFor();
    await call('POST', '/v1/track', {
      anonymousId: 'a-live-1',
      event: 'Product Viewed',
      messageId: 'console-live-1',
      properties: { product_id: 'mug' },
    });
    const row = page.locator('[data-message-id=console-live-1]');
    // Arrives over the stream once the event is stored: a wait ceiling, not a timing check.
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('Product Viewed');
    await row.getByRole('button').click();
    expect(await row.locator('pre').textContent()).toContain('"product_id": "mug"');
    await expectAccessible(page, 'live events');
    await shoot(page, 'live-events');
  });

  it('works at 390 px wide', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: NARROW });
    const narrow = await context.newPage();
    await signIn(narrow, ADMIN);
    for (const [label, name] of [
      ['Segments', 'segments'],
      ['Promotions', 'promotions'],
      ['Preview as a customer', 'preview'],
      ['Audit log', 'audit'],
      ['Dashboard', 'dashboard'],
    ] as const) {
      await open(narrow, label);
      // Nothing wider than the screen: wide tables scroll inside themselves.
      expect(await narrow.evaluate<number>('document.documentElement.scrollWidth'), name).toBeLessThanOrEqual(
        390,
      );
      await expectAccessible(narrow, `${name} at 390 px`);
      await shoot(narrow, `${name}-390`);
    }
    await context.close();
  });

  it('lets a viewer read but not save', async () => {
    const context = await browser.newContext({ viewport: WIDE });
    const viewer = await context.newPage();
    await signIn(viewer, VIEWER);
    expect(await viewer.locator('[data-test=role]').textContent()).toBe('viewer');
    expect(await viewer.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    await open(viewer, 'Segments');
    await viewer.getByRole('button', { name: 'Edit UK shoppers' }).click();
    const save = viewer.locator('[data-test=segment-form]').getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true);
    // The API refuses too, whatever the page shows: the same change sent with the viewer's session.
    const status = await viewer.evaluate(async () => {
      const session = (await (await fetch('/v1/sessions/current')).json()) as { csrf: { token: string } };
      const answer = await fetch('/v1/segments/uk-shoppers', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf.token },
        body: JSON.stringify({ name: 'Renamed', rule: { trait: 'traits.country', op: 'eq', value: 'FR' } }),
      });
      return answer.status;
    });
    expect(status).toBe(403);
    await shoot(viewer, 'viewer');

    // The session ends elsewhere (signed out on another tab): the next answer takes the page back to sign-in.
    await viewer.evaluate(async () => {
      const session = (await (await fetch('/v1/sessions/current')).json()) as { csrf: { token: string } };
      await fetch('/v1/sessions/current', {
        method: 'DELETE',
        headers: { 'x-csrf-token': session.csrf.token },
      });
    });
    await viewer.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click();
    await viewer.locator('[data-test=sign-in]').waitFor();
    await context.close();
  });

  it('signs out', async () => {
    const context = await browser.newContext({ viewport: WIDE });
    const own = await context.newPage();
    await signIn(own, ADMIN);
    await own.getByRole('button', { name: 'Sign out' }).click();
    await own.locator('[data-test=sign-in]').waitFor();
    expect(await own.evaluate(async () => (await fetch('/v1/sessions/current')).status)).toBe(401);
    await context.close();
  });

  it('never lets a secret key or a password hash reach the browser', async () => {
    expect(received.length).toBeGreaterThan(10);
    for (const body of received) {
      expect(body).not.toContain(SECRET_KEY);
      expect(body).not.toMatch(/sk_[A-Za-z0-9_-]{20,}/);
      expect(body).not.toMatch(/scrypt\$\d+\$/);
    }
  });
});

function ids(elements: { getAttribute(name: string): string | null }[]): (string | null)[] {
  return elements.map((element) => element.getAttribute('data-promotion-id'));
}
