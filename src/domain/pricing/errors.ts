/** Codes raised by pricing. */
export type PricingErrorCode = 'invalid_price_list' | 'price_list_not_found';
