import { isCurrencyCode, majorToMinorUnits, type CurrencyCode } from '../shared/index.js';
import { COMMERCE_EVENTS, type CommerceData, type CommerceEventName, type CommerceProduct } from './event.js';
import { isRecord, pick, reject } from './event-problem.js';

const BY_LOOSE_NAME = new Map<string, CommerceEventName>(
  COMMERCE_EVENTS.map((name) => [looseName(name), name]),
);
const MAX_QUANTITY = 1_000_000;
const MAX_PRODUCTS = 1_000;

/** The canonical e-commerce event for a track name: `Order Completed`, `order_completed` and `orderCompleted` all match. */
export function commerceEventNamed(name: string): CommerceEventName | undefined {
  return BY_LOOSE_NAME.get(looseName(name));
}

/**
 * Reads an e-commerce spec event's properties: money as decimal major units (`price: 18.99`),
 * converted to integer minor units of the event's currency (half-even); quantities as finite,
 * non-negative numbers. Rejects anything else with a pointer into `properties`.
 */
export function readCommerce(
  name: CommerceEventName,
  properties: Readonly<Record<string, unknown>>,
  storeCurrency: CurrencyCode,
): CommerceData {
  const currencyField = pick(properties, 'currency');
  const currency = currencyField === undefined ? storeCurrency : currencyField.value;
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    reject('unknown_currency', '/properties/currency', 'currency must be an ISO 4217 code such as GBP');
  }
  const money = (record: Readonly<Record<string, unknown>>, base: string, ...names: string[]) =>
    readMoney(record, currency, base, names);
  const products = readProducts(properties, currency);
  const lineSum = products.every((line) => line.price !== undefined)
    ? products.reduce((sum, line) => sum + Math.round((line.price as number) * line.quantity), 0)
    : undefined;
  for (const field of ['subtotal', 'shipping', 'tax', 'discount', 'value'])
    money(properties, '/properties', field);
  const total = money(properties, '/properties', 'total');
  const revenue = money(properties, '/properties', 'revenue');
  const amount = total ?? revenue ?? (products.length > 0 ? lineSum : undefined);
  const orderId = readText(properties, '/properties', 'order_id', 'orderId');
  const coupon = readText(properties, '/properties', 'coupon');
  const query = readText(properties, '/properties', 'query');
  return {
    name,
    currency,
    ...(orderId !== undefined && { orderId }),
    ...(amount !== undefined && { amount }),
    products,
    ...(coupon !== undefined && { coupon }),
    ...(query !== undefined && { query }),
  };
}

/** `products[]`, or the single product that Product Viewed / Added / Removed describe at top level. */
function readProducts(
  properties: Readonly<Record<string, unknown>>,
  currency: CurrencyCode,
): CommerceProduct[] {
  const list = properties['products'];
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list)) reject('invalid_event', '/properties/products', 'products must be an array');
    if (list.length > MAX_PRODUCTS)
      reject('invalid_event', '/properties/products', `at most ${MAX_PRODUCTS} products`);
    return list.flatMap((item: unknown, index) => {
      const base = `/properties/products/${index}`;
      if (!isRecord(item)) reject('invalid_event', base, 'each product must be an object');
      const product = readProduct(item, base, currency);
      return product === undefined ? [] : [product];
    });
  }
  const single = readProduct(properties, '/properties', currency);
  return single === undefined ? [] : [single];
}

function readProduct(
  record: Readonly<Record<string, unknown>>,
  base: string,
  currency: CurrencyCode,
): CommerceProduct | undefined {
  const productId = readText(record, base, 'product_id', 'productId', 'sku', 'id');
  const price = readMoney(record, currency, base, ['price']);
  const quantityField = pick(record, 'quantity');
  let quantity = 1;
  if (quantityField !== undefined) {
    const value = quantityField.value;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_QUANTITY) {
      reject('invalid_quantity', `${base}/quantity`, `quantity must be a number from 0 to ${MAX_QUANTITY}`);
    }
    quantity = value;
  }
  if (productId === undefined) return undefined;
  const category = readText(record, base, 'category');
  const brand = readText(record, base, 'brand');
  return {
    productId,
    quantity,
    ...(price !== undefined && { price }),
    ...(category !== undefined && { category }),
    ...(brand !== undefined && { brand }),
  };
}

function readMoney(
  record: Readonly<Record<string, unknown>>,
  currency: CurrencyCode,
  base: string,
  names: readonly string[],
): number | undefined {
  const field = pick(record, ...names);
  if (field === undefined) return undefined;
  const minor = typeof field.value === 'number' ? majorToMinorUnits(field.value, currency) : undefined;
  if (minor === undefined) {
    reject(
      'invalid_money',
      `${base}/${field.name}`,
      `${field.name} must be a finite, non-negative number in major units (18.99)`,
    );
  }
  return minor;
}

/** A text property; numbers are accepted and written as text (`product_id: 85123`). */
function readText(
  record: Readonly<Record<string, unknown>>,
  base: string,
  ...names: string[]
): string | undefined {
  const field = pick(record, ...names);
  if (field === undefined) return undefined;
  if (typeof field.value === 'number' && Number.isFinite(field.value)) return String(field.value);
  if (typeof field.value !== 'string' || field.value.length > 1000) {
    reject(
      'invalid_event',
      `${base}/${field.name}`,
      `${field.name} must be a string of at most 1,000 characters`,
    );
  }
  return field.value === '' ? undefined : field.value;
}

function looseName(name: string): string {
  return name.replace(/[\s_-]+/g, '').toLowerCase();
}
