import { costIn, type Product } from '../../domain/catalog/index.js';
import type { CartLineInput, Shopper } from '../../domain/promotions/index.js';
import type { CurrencyCode } from '../../domain/shared/index.js';
import { deviceTypeOf, type CustomerContext } from '../customers/customer-context.js';

/* How checkout describes products and shoppers to the promotion rules. */

/** A product as promotions read it, at the unit price resolved for this customer. */
export function promotionFacts(
  product: Product,
  unitPrice: number,
  currency: CurrencyCode,
): Omit<CartLineInput, 'quantity'> {
  const cost = costIn(product, currency);
  return {
    productId: product.id,
    unitPrice,
    categories: product.categories,
    ...(product.brand !== undefined && { brand: product.brand }),
    attributes: product.attributes,
    ...(cost !== undefined && { cost }),
  };
}

export function shopperOf(customer: CustomerContext): Shopper {
  const { pricing } = customer;
  const device = deviceTypeOf(customer.context)?.toLowerCase();
  return {
    segments: pricing.segments,
    ...(customer.loyaltyTier !== undefined && { loyaltyTier: customer.loyaltyTier }),
    isFirstOrder: (customer.profile?.stats.orderCount ?? 0) === 0,
    ...(pricing.channel !== undefined && { channel: pricing.channel }),
    ...(pricing.country !== undefined && { country: pricing.country }),
    ...(device !== undefined && { device }),
    ...(customer.experiments !== undefined && { promotions: customer.experiments.promotions }),
  };
}
