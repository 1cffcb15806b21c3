import type { JourneyInput } from '../../domain/journeys/index.js';
import type { PromotionInput } from '../../domain/promotions/index.js';
import type { JourneyService } from '../journeys/journey-service.js';
import type { PromotionService } from '../promotions/promotion-service.js';
import type { WebhookService } from '../webhooks/webhook-service.js';

/** The webhook the demo journeys send through: it points at the node's own demo mailbox. */
export const DEMO_MAILBOX_WEBHOOK = 'demo-mailbox';
export const DEMO_POST_PURCHASE = 'demo-post-purchase';
export const DEMO_ABANDONED_CART = 'demo-abandoned-cart';
/** The template of the post-purchase journey's personal coupons. */
export const DEMO_THANKS_PROMOTION = 'demo-thanks';

const THANKS: PromotionInput = {
  title: '15% off your next order',
  badge: '15% off, your personal code',
  // A template for journeys: it applies only with a code, each code once, for its own customer.
  coupon: { required: true, singleUse: true },
  action: { type: 'percent_off', target: 'order', percent: 15 },
};

/** Sent at once, so the storefront shows it right after the order; a real shop might wait a day. */
const POST_PURCHASE: JourneyInput = {
  name: 'Thank you: a personal coupon and what goes with what you bought',
  status: 'active',
  trigger: { event: 'Order Completed' },
  steps: [
    {
      id: 'thanks',
      delay: '0',
      webhookId: DEMO_MAILBOX_WEBHOOK,
      coupon: { promotionId: DEMO_THANKS_PROMOTION, expiresIn: '14d' },
      recommendations: { strategy: 'bought-together', limit: 4 },
    },
  ],
};

const ABANDONED_CART: JourneyInput = {
  name: 'Still thinking? Products like the ones left in the cart',
  status: 'active',
  trigger: { abandonedCart: { after: '30m' } },
  steps: [
    { id: 'nudge', webhookId: DEMO_MAILBOX_WEBHOOK, recommendations: { strategy: 'similar', limit: 4 } },
  ],
};

export interface DemoJourneysDeps {
  readonly webhooks: WebhookService;
  readonly promotions: PromotionService;
  readonly journeys: JourneyService;
}

/**
 * Points the demo's webhook at this node's mailbox (`mailboxUrl`, which changes with the port, and
 * `secret`, which the mailbox holds), then puts the post-purchase and abandoned-cart journeys and
 * their coupon template if they are missing: a visitor's changes from the console are kept across
 * restarts. Runs at every start, after the demo load: the replayed history is in the store before
 * any journey exists, and its events are days old anyway (older than a day, they start nothing).
 * Written through the same services as the API, address policy included.
 */
export async function setUpDemoJourneys(
  deps: DemoJourneysDeps,
  mailbox: { readonly url: string; readonly secret: string },
): Promise<void> {
  await deps.webhooks.put({
    id: DEMO_MAILBOX_WEBHOOK,
    url: mailbox.url,
    events: ['journey.message'],
    secret: mailbox.secret,
  });
  if (!(await exists(() => deps.promotions.get(DEMO_THANKS_PROMOTION))))
    await deps.promotions.put(DEMO_THANKS_PROMOTION, THANKS);
  for (const [id, journey] of [
    [DEMO_POST_PURCHASE, POST_PURCHASE],
    [DEMO_ABANDONED_CART, ABANDONED_CART],
  ] as const) {
    if (!(await exists(async () => deps.journeys.get(id)))) await deps.journeys.put(id, journey);
  }
}

async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      String(error.code).endsWith('_not_found')
    )
      return false;
    throw error;
  }
}
