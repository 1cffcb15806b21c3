import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import {
  PromotionIndex,
  draftPromotion,
  evaluateCart,
  selectForCart,
  type CartEvaluation,
  type CartLineInput,
  type Promotion,
  type PromotionInput,
} from '../../src/domain/promotions/index.js';
import { divideHalfEven, majorToMinorUnits, normalizeCategoryPath } from '../../src/domain/shared/index.js';
import { dataSetFile } from '../lib/data-sets.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';

/**
 * P1 of docs/evaluation.md: the Complete Journey sample's 27 campaigns as promotions for the households
 * that received them, each campaign's coupon products as the products it discounts, and every real
 * basket evaluated as a cart for its household at the moment it was bought. The action per
 * campaign type is ours (the data set names none): Type A 10% off its products (at most 5.00 an
 * order), Type B 0.50 off each unit (best-deal group: one B campaign per basket), Type C buy two of
 * its products, the cheapest third at half price.
 */

type Row = Record<string, string>;
const read = (file: string): Row[] =>
  parse<Row>(gunzipSync(readFileSync(dataSetFile(`completejourney/${file}`))), {
    columns: true,
    skip_empty_lines: true,
  });

interface Campaign {
  readonly id: string;
  readonly type: string;
  readonly from: number;
  readonly to: number;
  readonly households: Set<string>;
  readonly products: Set<string>;
}

interface Basket {
  readonly household: string;
  readonly at: number;
  readonly lines: CartLineInput[];
}

function load(): { campaigns: Campaign[]; baskets: Basket[] } {
  const campaigns = new Map<string, Campaign>();
  for (const row of read('campaign_descriptions.csv.gz')) {
    campaigns.set(row['campaign_id'] as string, {
      id: row['campaign_id'] as string,
      type: row['campaign_type'] as string,
      from: Date.parse(`${row['start_date']}T00:00:00Z`),
      // The end date is the last day the campaign runs.
      to: Date.parse(`${row['end_date']}T00:00:00Z`) + 86_400_000,
      households: new Set(),
      products: new Set(),
    });
  }
  for (const row of read('campaigns.csv.gz'))
    campaigns.get(row['campaign_id'] as string)?.households.add(row['household_id'] as string);
  for (const row of read('coupons.csv.gz'))
    campaigns.get(row['campaign_id'] as string)?.products.add(row['product_id'] as string);
  const products = new Map<string, { categories: string[]; brand?: string }>();
  for (const row of read('products.csv.gz')) {
    const path = normalizeCategoryPath(
      `${row['department'] ?? ''}/${row['product_category'] ?? ''}`.replaceAll(' ', '-'),
    );
    products.set(row['product_id'] as string, {
      categories: path === undefined ? [] : [path],
      ...(row['brand'] && { brand: row['brand'] }),
    });
  }
  const baskets = new Map<
    string,
    { household: string; at: number; lines: Map<string, { quantity: number; cents: number }> }
  >();
  for (const row of read('transactions_sample.csv.gz')) {
    const quantity = Number(row['quantity']);
    const cents = majorToMinorUnits(Number(row['sales_value']), 'USD') ?? 0;
    const id = row['basket_id'] as string;
    let basket = baskets.get(id);
    if (basket === undefined) {
      basket = {
        household: row['household_id'] as string,
        at: Date.parse(`${(row['transaction_timestamp'] as string).replace(' ', 'T')}Z`),
        lines: new Map(),
      };
      baskets.set(id, basket);
    }
    // Rows with no quantity or no value (returns, weighed items without a count) are not cart lines.
    if (quantity <= 0 || cents <= 0) continue;
    const line = basket.lines.get(row['product_id'] as string) ?? { quantity: 0, cents: 0 };
    basket.lines.set(row['product_id'] as string, {
      quantity: line.quantity + quantity,
      cents: line.cents + cents,
    });
  }
  return {
    campaigns: [...campaigns.values()],
    baskets: [...baskets.values()].map((basket) => ({
      household: basket.household,
      at: basket.at,
      lines: [...basket.lines].map(([productId, line]): CartLineInput => {
        const product = products.get(productId);
        return {
          productId,
          quantity: line.quantity,
          unitPrice: Math.max(1, divideHalfEven(line.cents, line.quantity)),
          categories: product?.categories ?? [],
          ...(product?.brand !== undefined && { brand: product.brand }),
          attributes: {},
        };
      }),
    })),
  };
}

function promotionOf(campaign: Campaign): PromotionInput {
  const match = { productIds: [...campaign.products] };
  const common = {
    title: `Campaign ${campaign.id} (${campaign.type})`,
    currency: 'USD' as const,
    startsAt: new Date(campaign.from).toISOString(),
    endsAt: new Date(campaign.to).toISOString(),
    audience: { segments: [`campaign-${campaign.id}`] },
  };
  switch (campaign.type) {
    case 'Type A':
      return {
        ...common,
        action: { type: 'percent_off', target: 'items', match, percent: 10, cap: 500 },
        stacking: { priority: 2 },
      };
    case 'Type B':
      return {
        ...common,
        action: { type: 'amount_off', target: 'items', match, amount: 50 },
        stacking: { priority: 1, group: 'type-b' },
      };
    default:
      return {
        ...common,
        action: {
          type: 'buy_x_get_y',
          buy: { match, quantity: 2 },
          get: { match, quantity: 1, percent: 50 },
        },
      };
  }
}

/** The invariants P1 asks for; each broken one is counted. */
function check(
  result: CartEvaluation,
  basket: Basket,
  byId: Map<string, Campaign>,
  segments: ReadonlySet<string>,
): number {
  let broken = 0;
  let lines = 0;
  for (const line of result.lines) {
    const gross = line.unitPrice.amount * line.quantity;
    const taken = line.discounts.reduce((sum, part) => sum + part.amount.amount, 0);
    if (line.total.amount < 0 || taken > gross || gross - taken !== line.total.amount) broken += 1;
    for (const part of line.discounts)
      if (!byId.get(part.promotionId)?.products.has(line.productId)) broken += 1;
    lines += line.total.amount;
  }
  if (result.total.amount !== lines) broken += 1;
  for (const applied of result.applied) {
    const campaign = byId.get(applied.promotionId);
    if (campaign === undefined || basket.at < campaign.from || basket.at >= campaign.to) broken += 1;
    if (
      campaign === undefined ||
      !campaign.households.has(basket.household) ||
      !segments.has(`campaign-${campaign.id}`)
    )
      broken += 1;
  }
  return broken;
}

function run(data: { campaigns: Campaign[]; baskets: Basket[] }) {
  const promotions: Promotion[] = data.campaigns.map((campaign) => ({
    ...draftPromotion(campaign.id, promotionOf(campaign), 'USD'),
    version: 1,
    updatedAt: '2017-01-01T00:00:00.000Z',
  }));
  const index = new PromotionIndex(promotions, () => false);
  const byId = new Map(data.campaigns.map((campaign) => [campaign.id, campaign]));
  const segmentsOf = new Map<string, Set<string>>();
  for (const campaign of data.campaigns) {
    for (const household of campaign.households) {
      const segments = segmentsOf.get(household) ?? new Set<string>();
      segments.add(`campaign-${campaign.id}`);
      segmentsOf.set(household, segments);
    }
  }
  const none = new Set<string>();
  const usage = { promotions: new Map(), customer: new Map() };
  const noCoupons = new Map();
  let broken = 0;
  let discounted = 0;
  let discount = 0;
  const timings: number[] = [];
  const started = performance.now();
  for (const basket of data.baskets) {
    const begun = performance.now();
    const segments = segmentsOf.get(basket.household) ?? none;
    const request = { currency: 'USD', lines: basket.lines, coupons: [] };
    const selection = selectForCart(request, noCoupons, index);
    const result = evaluateCart(request, selection, {
      now: basket.at,
      shopper: { segments, isFirstOrder: false },
      usage,
      isInCollection: () => false,
      product: () => undefined,
      minOrderTotal: 0,
    });
    timings.push(performance.now() - begun);
    broken += check(result, basket, byId, segments);
    const taken = result.subtotal.amount - result.total.amount;
    if (taken > 0) discounted += 1;
    discount += taken;
  }
  const seconds = (performance.now() - started) / 1000;
  timings.sort((a, b) => a - b);
  return {
    rate: data.baskets.length / seconds,
    p99Ms: timings[Math.floor(timings.length * 0.99)] as number,
    broken,
    discounted,
    discount,
  };
}

export function completeJourneySuite(runs: number): Promise<BenchRow[]> {
  const data = load();
  const results = Array.from({ length: runs }, () => run(data));
  const first = results[0] as ReturnType<typeof run>;
  const broken = results.reduce((sum, result) => sum + result.broken, 0);
  return Promise.resolve([
    {
      suite: 'p1',
      name: `Complete Journey: ${formatNumber(data.baskets.length)} real baskets as carts, ${data.campaigns.length} campaigns`,
      measured: `${formatNumber(median(results.map((result) => result.rate)))} carts/s, p99 ${formatNumber(median(results.map((result) => result.p99Ms)), 3)} ms`,
      reference: 'invariants: 0 broken',
      note: `invariants broken: ${broken}; ${formatNumber(first.discounted)} baskets discounted, ${formatNumber(first.discount / 100, 2)} USD off in all`,
    },
  ]);
}
