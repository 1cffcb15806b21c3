import { randomBytes } from 'node:crypto';
import { delayMs, type Journey, type JourneyStep } from '../../domain/journeys/index.js';
import { generateCouponCode } from '../../domain/promotions/index.js';
import type { Strategy } from '../../domain/recommendations/index.js';
import type { Identity, PersonalCoupon, ScheduledStep } from '../../ports/store.js';
import type { ContentService, ResolvedContent } from '../content/content-service.js';
import type { CustomerContexts } from '../customers/customer-context.js';
import { hydrateItems, type ProductHydrator } from '../listing/hydration.js';
import type { RecommendationService } from '../recommendations/recommendation-service.js';

/** The `data` of a `journey.message` webhook (docs/journeys.md). */
export interface JourneyMessageData {
  readonly journeyId: string;
  readonly stepId: string;
  readonly messageId: string;
  readonly userId: string;
  readonly coupon?: { readonly code: string; readonly expiresAt: string };
  /** Hydrated: each with its product card and the price this customer pays. */
  readonly recommendations: readonly unknown[];
  readonly content: Record<string, ResolvedContent>;
  /** Why the customer gets it: the trigger and what it concerned. */
  readonly reason: string;
}

export interface MessageBuilderDeps {
  readonly customers: CustomerContexts;
  readonly recommendations: RecommendationService;
  readonly content: ContentService;
  readonly hydrator: ProductHydrator;
  readonly hashId: (identity: Identity) => string;
  readonly currency: string;
}

/**
 * Builds a step's message for one customer at send time: a personal coupon (generated, not yet
 * written: the caller writes it with the message), recommendations (complements of what the trigger
 * concerned, leaving those out), the content slots, and the prices this customer pays.
 */
export class MessageBuilder {
  constructor(private readonly deps: MessageBuilderDeps) {}

  async build(
    journey: Journey,
    step: JourneyStep,
    scheduled: ScheduledStep,
    now: number,
    options: { readonly withCoupon: boolean },
  ): Promise<{ data: JourneyMessageData; coupon?: PersonalCoupon }> {
    const { deps } = this;
    const customer = await deps.customers.resolve({ userId: scheduled.userId, trusted: true });
    const bought = scheduled.context.productIds;
    let recommendations: readonly unknown[] = [];
    if (step.recommendations !== undefined) {
      const [anchor] = bought;
      const answer = await deps.recommendations.recommend(
        {
          strategy: step.recommendations.strategy as Strategy,
          limit: step.recommendations.limit,
          ...(anchor !== undefined && { productId: anchor }),
          cart: bought,
          filter: { excludeProductIds: bought },
        },
        customer,
      );
      const include = ['product', 'price'] as const;
      const hydrate = await deps.hydrator.prepare(include, deps.currency, customer);
      recommendations = hydrateItems(answer.items, hydrate, deps.hydrator, include);
    }
    const content = deps.content.resolve(step.content ?? [], customer);
    const coupon =
      step.coupon === undefined
        ? undefined
        : {
            code: options.withCoupon ? generateCouponCode(randomBytes(8), 'J') : 'J-SIMULATED',
            promotionId: step.coupon.promotionId,
            customerKey: deps.hashId({ kind: 'user', value: scheduled.userId }),
            expiresAt: now + (delayMs(step.coupon.expiresIn) ?? 0),
          };
    const data: JourneyMessageData = {
      journeyId: journey.id,
      stepId: step.id,
      messageId: scheduled.id,
      userId: scheduled.userId,
      ...(coupon !== undefined && {
        coupon: { code: coupon.code, expiresAt: new Date(coupon.expiresAt).toISOString() },
      }),
      recommendations,
      content,
      reason: reasonOf(journey, scheduled),
    };
    return { data, ...(coupon !== undefined && options.withCoupon && { coupon }) };
  }
}

/** Why the customer gets the message, for people: the trigger and what it concerned. */
function reasonOf(journey: Journey, scheduled: ScheduledStep): string {
  const { trigger } = journey;
  const what =
    'event' in trigger
      ? trigger.event
      : 'abandonedCart' in trigger
        ? 'Cart abandoned'
        : 'quietFor' in trigger
          ? `No order for ${trigger.quietFor}`
          : 'segmentEntered' in trigger
            ? `Entered segment ${trigger.segmentEntered}`
            : 'segmentExited' in trigger
              ? `Left segment ${trigger.segmentExited}`
              : 'Loyalty tier changed';
  const about = scheduled.context.orderId ?? scheduled.context.productIds.join(', ');
  return about === '' ? what : `${what}: ${about}`;
}
