import { describe, expect, it } from 'vitest';
import {
  decideSend,
  draftJourney,
  minutesOfQuietLeft,
  planSteps,
  type CustomerAtSend,
  type Journey,
  type JourneyInput,
  type JourneyReferences,
  type SendFacts,
} from './index.js';

const refs: JourneyReferences = {
  hasWebhook: (id) => id === 'mailer',
  hasPromotion: (id) => id === 'welcome-10',
  hasSegment: (id) => id === 'vip',
  isStrategy: (strategy) => strategy === 'complements',
  hasContent: (slot) => slot === 'hero',
};

const input: JourneyInput = {
  name: 'Thanks',
  status: 'active',
  trigger: { event: 'Order Completed' },
  steps: [
    {
      id: 'thanks',
      delay: '1d',
      webhookId: 'mailer',
      coupon: { promotionId: 'welcome-10', expiresIn: '14d' },
      recommendations: { strategy: 'complements', limit: 4 },
      content: ['hero'],
    },
    { id: 'reminder', delay: '6d', webhookId: 'mailer' },
  ],
};

const journey = (overrides: Partial<JourneyInput> = {}): Journey => ({
  ...draftJourney('post-purchase', { ...input, ...overrides }, refs),
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('draftJourney', () => {
  it('accepts a well-formed journey and fills the defaults', () => {
    expect(journey()).toMatchObject({ holdoutPercent: 0, attributionDays: 7 });
  });

  it.each([
    [{ trigger: { event: 'Page Viewed' } }, '/trigger/event'],
    [{ trigger: { sunrise: true } }, '/trigger'],
    [{ trigger: { abandonedCart: { after: '0' } } }, '/trigger/abandonedCart/after'],
    [{ trigger: { segmentEntered: 'nobody' } }, '/trigger/segmentEntered'],
    [{ trigger: { quietFor: '400d' } }, '/trigger/quietFor'],
    [{ holdoutPercent: 60 }, '/holdoutPercent'],
    [{ steps: [] }, '/steps'],
    [{ steps: [{ id: 'a', delay: '13w', webhookId: 'mailer' }] }, '/steps/0/delay'],
    [{ steps: [{ id: 'a', delay: 'soon', webhookId: 'mailer' }] }, '/steps/0/delay'],
    [{ steps: [{ id: 'a', webhookId: 'nowhere' }] }, '/steps/0/webhookId'],
    [
      { steps: [{ id: 'a', webhookId: 'mailer', coupon: { promotionId: 'gone', expiresIn: '1d' } }] },
      '/steps/0/coupon/promotionId',
    ],
    [
      {
        steps: [
          { id: 'a', webhookId: 'mailer' },
          { id: 'a', webhookId: 'mailer' },
        ],
      },
      '/steps/1/id',
    ],
    [{ audience: { segments: ['nobody'] } }, '/audience/segments/0'],
  ])('refuses %j at its pointer', (overrides, pointer) => {
    expect(() => draftJourney('j', { ...input, ...(overrides as Partial<JourneyInput>) }, refs)).toThrow(
      expect.objectContaining({ code: 'invalid_journey', details: { pointer } }) as Error,
    );
  });
});

describe('planSteps', () => {
  const subject = { profileId: 'p1', userId: 'u1', at: 1_000 };
  const order = {
    kind: 'event',
    name: 'Order Completed',
    messageId: 'm1',
    orderId: 'o1',
    productIds: ['sku-1'],
  } as const;

  it('plans every step once, each after the delays before it, named by the order', () => {
    const planned = planSteps([journey()], order, subject);
    expect(planned.map((step) => [step.stepId, step.occurrence, step.dueAt])).toEqual([
      ['thanks', 'event:o1', 1_000 + 86_400_000],
      ['reminder', 'event:o1', 1_000 + 7 * 86_400_000],
    ]);
  });

  it('plans nothing for a paused journey, another event or a customer without a userId', () => {
    expect(planSteps([journey({ status: 'paused' })], order, subject)).toEqual([]);
    expect(planSteps([journey()], { ...order, name: 'Order Refunded' }, subject)).toEqual([]);
    expect(planSteps([journey()], order, { profileId: 'p1', at: 1 })).toEqual([]);
  });

  it('waits for the abandoned cart delay and supersedes older carts', () => {
    const cart = journey({
      trigger: { abandonedCart: { after: '2h' } },
      steps: [{ id: 's', webhookId: 'mailer' }],
    });
    const [step] = planSteps([cart], { ...order, name: 'Product Added', messageId: 'add-1' }, subject);
    expect(step).toMatchObject({ occurrence: 'cart:add-1', dueAt: 1_000 + 7_200_000, supersedes: true });
  });
});

describe('decideSend', () => {
  const customer: CustomerAtSend = { marketingConsent: true, segments: [], cartSize: 1 };
  const facts = (overrides: Partial<SendFacts> = {}): SendFacts => ({
    journey: journey(),
    stepId: 'thanks',
    triggerAt: 1_000,
    customer,
    sentInWindow: 0,
    heldOut: false,
    limits: { cap: { count: 2, windowMs: 7 * 86_400_000 } },
    now: Date.parse('2026-06-01T12:00:00Z'),
    ...overrides,
  });
  const cart = journey({ trigger: { abandonedCart: { after: '2h' } } });

  it.each([
    [{}, { action: 'send' }],
    [{ journey: undefined }, { action: 'skip', reason: 'journey_gone' }],
    [{ journey: journey({ status: 'paused' }) }, { action: 'skip', reason: 'journey_paused' }],
    [{ stepId: 'gone' }, { action: 'skip', reason: 'step_gone' }],
    [{ customer: undefined }, { action: 'skip', reason: 'customer_gone' }],
    [
      { journey: cart, customer: { ...customer, lastOrderAt: 2_000 } },
      { action: 'skip', reason: 'cart_bought' },
    ],
    [
      { journey: cart, customer: { ...customer, cartSize: 0 } },
      { action: 'skip', reason: 'cart_emptied' },
    ],
    [
      { customer: { ...customer, marketingConsent: false } },
      { action: 'skip', reason: 'no_marketing_consent' },
    ],
    [{ heldOut: true }, { action: 'hold_out' }],
    [{ sentInWindow: 2 }, { action: 'skip', reason: 'frequency_cap' }],
    [{ journey: journey({ audience: { segments: ['vip'] } }) }, { action: 'skip', reason: 'audience' }],
  ])('%j → %j', (overrides, expected) => {
    expect(decideSend(facts(overrides as Partial<SendFacts>))).toEqual(expected);
  });

  it('defers to the end of quiet hours in the customer time zone', () => {
    const now = Date.parse('2026-06-01T22:30:00Z');
    const quiet = { cap: { count: 2, windowMs: 1 }, quietHours: { from: 21, to: 8 } };
    expect(decideSend(facts({ now, limits: quiet }))).toEqual({ action: 'send' });
    expect(decideSend(facts({ now, limits: quiet, customer: { ...customer, timeZone: 'UTC' } }))).toEqual({
      action: 'defer',
      until: now + 570 * 60_000,
      reason: 'quiet_hours',
    });
    // 22:30 UTC is 15:30 in Los Angeles (summer time): not quiet there.
    expect(
      decideSend(facts({ now, limits: quiet, customer: { ...customer, timeZone: 'America/Los_Angeles' } })),
    ).toEqual({ action: 'send' });
    expect(minutesOfQuietLeft(now, { from: 21, to: 8 }, 'Not/AZone')).toBe(570);
  });
});
