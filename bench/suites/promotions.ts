import {
  PromotionIndex,
  draftPromotion,
  evaluateCart,
  selectForCart,
  type CartLineInput,
  type Promotion,
} from '../../src/domain/promotions/index.js';
import { formatNumber, median, type BenchRow } from '../lib/report.js';
import { syntheticPromotions } from '../lib/synthetic-promotions.js';

const PRODUCTS = 4_000;
/** Eight departments of six leaf categories each. */
const CATEGORIES = [
  'home',
  'kitchen',
  'garden',
  'seasonal',
  'bags',
  'toys',
  'stationery',
  'jewellery',
].flatMap((department) => Array.from({ length: 6 }, (_, leaf) => `${department}/range-${leaf}`));
const CARTS = 2_000;
const LINES = 10;

const catalogue: CartLineInput[] = Array.from({ length: PRODUCTS }, (_, index) => ({
  productId: `p${index}`,
  quantity: 1,
  unitPrice: 500 + (index % 60) * 25,
  cost: 300,
  categories: [CATEGORIES[index % CATEGORIES.length] as string],
  brand: `brand-${index % 40}`,
  attributes: {},
}));

/** 10-line carts over the catalogue, some with a code; the same for every promotion count. */
const carts = Array.from({ length: CARTS }, (_, cart) => ({
  lines: Array.from({ length: LINES }, (_, line) => ({
    ...(catalogue[(cart * 131 + line * 397) % PRODUCTS] as CartLineInput),
    quantity: 1 + ((cart + line) % 3),
  })),
  coupons: cart % 4 === 0 ? [`code${(cart * 50 + 45) % 1_000}`] : [],
}));

/** Cart evaluations in the pure module (selection and evaluation, as the service runs them), one core. */
function evaluate(count: number): { rate: number; p99Ms: number; candidates: number; applied: number } {
  const promotions: Promotion[] = syntheticPromotions(count, PRODUCTS, CATEGORIES).map(({ id, input }) => ({
    ...draftPromotion(id, input, 'GBP'),
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
  const index = new PromotionIndex(promotions, () => false);
  const coupons = new Map(
    promotions.flatMap((promotion) =>
      (promotion.coupon.codes ?? []).map(
        (code) => [code, { code, promotionId: promotion.id, singleUse: false, redeemed: false }] as const,
      ),
    ),
  );
  const context = {
    now: Date.parse('2026-06-01T00:00:00Z'),
    shopper: {
      segments: new Set(['segment-3', 'segment-17', 'segment-42']),
      isFirstOrder: false,
      channel: 'web',
      country: 'gb',
    },
    usage: { promotions: new Map(), customer: new Map() },
    isInCollection: () => false,
    product: () => undefined,
    minOrderTotal: 0,
  };
  const timings: number[] = [];
  let candidates = 0;
  let applied = 0;
  let checksum = 0;
  const started = performance.now();
  for (let round = 0; round < 3; round += 1) {
    for (const cart of carts) {
      const begun = performance.now();
      const request = { currency: 'GBP', lines: cart.lines, coupons: cart.coupons };
      const selection = selectForCart(request, coupons, index);
      const result = evaluateCart(request, selection, context);
      timings.push(performance.now() - begun);
      candidates += selection.inPlay.length;
      applied += result.applied.length;
      checksum += result.total.amount;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (checksum === 0) throw new Error('nothing evaluated');
  timings.sort((a, b) => a - b);
  return {
    rate: timings.length / seconds,
    p99Ms: timings[Math.floor(timings.length * 0.99)] as number,
    candidates: candidates / timings.length,
    applied: applied / timings.length,
  };
}

export function promotionsSuite(runs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const count of [10, 100, 1_000]) {
    const results = Array.from({ length: runs }, () => evaluate(count));
    rows.push({
      suite: 'promotions',
      name: `cart evaluations/s, 10-line carts, ${formatNumber(count)} active promotions`,
      measured: `${formatNumber(median(results.map((result) => result.rate)))} /s, p99 ${formatNumber(median(results.map((result) => result.p99Ms)), 3)} ms`,
      ...(count === 1_000 && { reference: 'aim p99 < 1 ms in-process' }),
      note: `pure module, one core; per cart ${formatNumber(median(results.map((result) => result.candidates)), 1)} promotions met (indexed), ${formatNumber(median(results.map((result) => result.applied)), 1)} applied`,
    });
  }
  return Promise.resolve(rows);
}
