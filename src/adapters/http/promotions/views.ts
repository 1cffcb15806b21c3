import type { Offer, Promotion } from '../../../domain/promotions/index.js';
import type { CurrencyCode } from '../../../domain/shared/index.js';

/** A promotion as the API shows it: the budget as Money. */
export function promotionView(promotion: Promotion) {
  const { budget, ...limits } = promotion.limits;
  return {
    ...promotion,
    limits: {
      ...limits,
      ...(budget !== undefined && { budget: { amount: budget, currency: promotion.currency } }),
    },
  };
}

/** An offer as the API shows it: what is missing as Money. */
export function offerView<Shown extends Pick<Offer, 'missing'>>(offer: Shown, currency: CurrencyCode) {
  const { missing, ...rest } = offer;
  return {
    ...rest,
    ...(missing !== undefined && {
      missing: {
        ...(missing.amount !== undefined && { amount: { amount: missing.amount, currency } }),
        ...(missing.quantity !== undefined && { quantity: missing.quantity }),
      },
    }),
  };
}
