import type { PromotionAction } from '../promotion.js';
import type { ActionInput, ActionResult } from './action.js';
import { buyXGetY } from './buy-x-get-y.js';
import { amountOff, fixedPrice, percentOff } from './money-off.js';
import { freeShipping, gift, spendTiers } from './order-perks.js';

export type { ActionInput, ActionResult, AddedLine, Discount, Missing } from './action.js';

/** What `action` would take off the cart as it stands: before floors, caps and budgets. */
export function runAction(action: PromotionAction, input: ActionInput): ActionResult {
  switch (action.type) {
    case 'percent_off':
      return percentOff(action, input);
    case 'amount_off':
      return amountOff(action, input);
    case 'fixed_price':
      return fixedPrice(action, input);
    case 'buy_x_get_y':
      return buyXGetY(action, input);
    case 'spend_tiers':
      return spendTiers(action, input);
    case 'free_shipping':
      return freeShipping(input);
    case 'gift':
      return gift(action, input);
  }
}
