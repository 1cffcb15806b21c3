import { beforeAll, describe, expect, it } from 'vitest';
import { draftJourney, type JourneyReferences } from '../../src/domain/journeys/index.js';
import { draftPromotion } from '../../src/domain/promotions/index.js';
import type { ClaimedStep, ScheduledStep, StepOutcome, Store } from '../../src/ports/store.js';
import { useStoreFixture, type StoreFixture } from './store-contract.js';

const now = Date.parse('2026-06-01T00:00:00.000Z');
const anything: JourneyReferences = {
  hasWebhook: () => true,
  hasPromotion: () => true,
  hasSegment: () => true,
  isStrategy: () => true,
  hasContent: () => true,
};

const draft = draftJourney(
  'post-purchase',
  {
    name: 'Thank you',
    status: 'active',
    trigger: { event: 'Order Completed' },
    steps: [{ id: 'thanks', delay: '1d', webhookId: 'mailer' }],
  },
  anything,
);

/** A planned step of journey `journeyId` for profile `p-<n>`, due at `dueAt`. */
export function plannedStep(n: number, dueAt: number, overrides: Partial<ScheduledStep> = {}): ScheduledStep {
  return {
    id: `msg_${n}`,
    journeyId: 'post-purchase',
    stepId: 'thanks',
    occurrence: `event:o${n}`,
    profileId: `p-${n}`,
    userId: `u-${n}`,
    triggerAt: dueAt - 1,
    dueAt,
    supersedes: false,
    context: { orderId: `o${n}`, productIds: ['sku-1'] },
    ...overrides,
  };
}

/** Claims and finishes as one node would, until nothing is due; answers the ids it sent. */
export async function drain(store: Store, at: number): Promise<string[]> {
  const sent: string[] = [];
  for (;;) {
    const claimed = await store.claimJourneySteps(at, 10, 60_000);
    if (claimed.length === 0) return sent;
    for (const step of claimed) {
      const message = {
        id: step.id,
        webhookId: 'mailer',
        profileId: step.profileId,
        type: 'journey.message',
        payload: '{}',
      };
      if (await store.finishJourneyStep(step, { status: 'sent', message }, at)) sent.push(step.id);
    }
  }
}

/** A sent outcome for a claimed step, with a personal coupon `code` of promotion `thanks-10`. */
function sent(step: ClaimedStep, code: string): StepOutcome {
  const message = {
    id: step.id,
    webhookId: 'mailer',
    profileId: step.profileId,
    type: 'journey.message',
    payload: '{}',
  };
  return {
    status: 'sent',
    message,
    coupon: { code, promotionId: 'thanks-10', customerKey: 'key', expiresAt: now + 9 },
  };
}

/** Journeys and their planned steps, on every store. */
export function describeJourneyStoreContract(name: string, createFixture: () => Promise<StoreFixture>): void {
  describe(`Journey store contract: ${name}`, () => {
    const storeOf = useStoreFixture(createFixture);
    let store: Store;
    beforeAll(() => {
      store = storeOf();
    });

    it('keeps journeys with versions, honours If-Match and deletes them with their waiting steps', async () => {
      const first = await store.putJourney(draft, { now });
      expect(first).toEqual({ ...draft, version: 1, updatedAt: new Date(now).toISOString() });
      expect(await store.getJourney('post-purchase')).toEqual(first);
      await expect(store.putJourney(draft, { now, ifVersion: 7 })).rejects.toMatchObject({
        code: 'version_conflict',
      });
      expect((await store.listJourneys()).map((journey) => journey.id)).toEqual(['post-purchase']);
      await store.scheduleJourneySteps([plannedStep(900, now)]);
      expect(await store.deleteJourney('post-purchase', undefined)).toBe(true);
      expect(await store.getJourney('post-purchase')).toBeUndefined();
      expect(await store.journeyStepsOf('post-purchase')).toEqual([]);
      expect(await store.deleteJourney('post-purchase', undefined)).toBe(false);
    });

    it('plans an occurrence once, however often it is heard', async () => {
      const step = plannedStep(1, now + 1_000);
      expect(await store.scheduleJourneySteps([step])).toBe(1);
      expect(await store.scheduleJourneySteps([{ ...step, id: 'msg_other' }])).toBe(0);
      expect(await store.claimJourneySteps(now, 10, 1_000)).toEqual([]);
      expect(await drain(store, now + 1_000)).toEqual(['msg_1']);
      expect(await drain(store, now + 1_000)).toEqual([]);
      const [record] = await store.journeyStepsOf('post-purchase');
      expect(record).toMatchObject({ id: 'msg_1', status: 'sent', finishedAt: now + 1_000 });
      expect(await store.countJourneyMessages('p-1', now)).toBe(1);
      expect(await store.lastJourneyMessage('p-1')).toMatchObject({ id: 'msg_1' });
      expect((await store.outboxOf('mailer')).map((message) => message.id)).toEqual(['msg_1']);
    });

    it('lets one holder finish a step: a lease lost to another node writes nothing', async () => {
      await store.scheduleJourneySteps([plannedStep(2, now)]);
      const [held] = await store.claimJourneySteps(now, 10, 1_000);
      expect(held?.id).toBe('msg_2');
      expect(await store.claimJourneySteps(now + 500, 10, 1_000)).toEqual([]);
      // The holder died: after its lease another node takes the step.
      const [taken] = await store.claimJourneySteps(now + 1_001, 10, 1_000);
      expect(taken?.id).toBe('msg_2');
      const outcome = { status: 'skipped', reason: 'frequency_cap' } as const;
      expect(await store.finishJourneyStep(held as ClaimedStep, outcome, now)).toBe(false);
      expect(await store.deferJourneyStep(held as ClaimedStep, now + 9_000)).toBe(false);
      expect(await store.finishJourneyStep(taken as ClaimedStep, outcome, now + 1_002)).toBe(true);
      expect(await store.finishJourneyStep(taken as ClaimedStep, outcome, now + 1_003)).toBe(false);
    });

    it('defers a step to a later time', async () => {
      await store.scheduleJourneySteps([plannedStep(3, now)]);
      const [held] = await store.claimJourneySteps(now, 10, 60_000);
      expect(await store.deferJourneyStep(held as ClaimedStep, now + 5_000)).toBe(true);
      expect(await store.claimJourneySteps(now + 4_999, 10, 60_000)).toEqual([]);
      expect(await drain(store, now + 5_000)).toEqual(['msg_3']);
    });

    it('lets a newer cart supersede the older one still waiting', async () => {
      const cart = (n: number, at: number) =>
        plannedStep(n, at + 7_200_000, {
          journeyId: 'cart',
          occurrence: `cart:add-${n}`,
          profileId: 'p-cart',
          triggerAt: at,
          supersedes: true,
        });
      await store.scheduleJourneySteps([cart(10, now)]);
      await store.scheduleJourneySteps([cart(11, now + 60_000)]);
      const steps = await store.journeyStepsOf('cart');
      expect(steps.map((step) => [step.id, step.status, step.reason])).toEqual(
        expect.arrayContaining([
          ['msg_10', 'skipped', 'superseded'],
          ['msg_11', 'pending', null],
        ]),
      );
    });

    it('writes a personal coupon with the message, and counts outcomes', async () => {
      await store.putPromotion(
        draftPromotion(
          'thanks-10',
          { title: 'Ten off', action: { type: 'amount_off', target: 'order', amount: 1_000 } },
          'GBP',
        ),
        { now },
      );
      await store.scheduleJourneySteps([plannedStep(4, now)]);
      const [held] = await store.claimJourneySteps(now, 10, 60_000);
      const coupon = { code: 'THX-ABC', promotionId: 'thanks-10', customerKey: 'key-4', expiresAt: now + 9 };
      const message = {
        id: 'msg_4',
        webhookId: 'mailer',
        profileId: 'p-4',
        type: 'journey.message',
        payload: '{}',
      };
      expect(
        await store.finishJourneyStep(held as ClaimedStep, { status: 'sent', message, coupon }, now),
      ).toBe(true);
      expect(await store.personalCoupons(['THX-ABC', 'NOPE'])).toEqual(
        new Map([['THX-ABC', { customerKey: 'key-4', expiresAt: now + 9 }]]),
      );
      expect(await store.couponStates(['THX-ABC'])).toEqual([
        { code: 'THX-ABC', promotionId: 'thanks-10', singleUse: true, redeemed: false },
      ]);
      const [finished] = await store.finishedJourneySteps('p-4', now);
      expect(finished).toMatchObject({ id: 'msg_4', couponCode: 'THX-ABC' });
      await store.addJourneyOutcome('msg_4', 1, 2_500);
      expect((await store.finishedJourneySteps('p-4', now))[0]).toMatchObject({ orders: 1, revenue: 2_500 });
    });

    it('checks messages again when finishing: never past the cap, even for finishes racing', async () => {
      const at = now + 20 * 86_400_000;
      await drain(store, at);
      await store.scheduleJourneySteps(
        Array.from({ length: 12 }, (_, index) =>
          plannedStep(2_000 + index, at, { journeyId: 'capped', profileId: `p-cap-${index % 2}` }),
        ),
      );
      const claims = [
        await store.claimJourneySteps(at, 6, 60_000),
        await store.claimJourneySteps(at, 6, 60_000),
      ];
      const recheck = () => undefined;
      // Each as a node would that counted nothing sent yet: the store alone keeps the cap.
      const finishing = claims.map((claimed) =>
        store.finishJourneySteps(
          claimed.map((step) => ({ step, outcome: sent(step, `CAP-${step.id}`) })),
          at,
          { cap: { count: 2, since: at - 86_400_000 }, recheck },
        ),
      );
      const finished = await Promise.all(finishing);
      expect(finished.reduce((sum, ids) => sum + ids.size, 0)).toBe(12);
      const steps = await store.journeyStepsOf('capped');
      for (const profileId of ['p-cap-0', 'p-cap-1']) {
        const own = steps.filter((step) => step.profileId === profileId);
        expect(own.filter((step) => step.status === 'sent')).toHaveLength(2);
        expect(own.filter((step) => step.reason === 'frequency_cap')).toHaveLength(4);
        expect(await store.countJourneyMessages(profileId, at)).toBe(2);
      }
      const skipped = steps.filter((step) => step.status === 'skipped').map((step) => `CAP-${step.id}`);
      expect(await store.personalCoupons(skipped)).toEqual(new Map());
      const outbox = new Set((await store.outboxOf('mailer')).map((message) => message.id));
      expect(steps.filter((step) => outbox.has(step.id))).toHaveLength(4);
    });

    it('decides a message again when its customer changed since the decision', async () => {
      const at = now + 30 * 86_400_000;
      await drain(store, at);
      await store.scheduleJourneySteps([
        plannedStep(3_000, at, { journeyId: 'changed' }),
        plannedStep(3_001, at, { journeyId: 'changed' }),
      ]);
      const claimed = await store.claimJourneySteps(at, 10, 60_000);
      const seen: [string, unknown][] = [];
      const finished = await store.finishJourneySteps(
        claimed.map((step, index) => ({
          step,
          outcome: sent(step, `CHG-${step.id}`),
          // The first was decided on a profile that has gone since; the second read nothing to check.
          ...(index === 0 && { profileVersion: 4 }),
        })),
        at,
        {
          cap: { count: 5, since: at },
          recheck: (step, profile) => {
            seen.push([step.id, profile]);
            return 'customer_gone';
          },
        },
      );
      expect(finished.size).toBe(2);
      expect(seen).toEqual([[claimed[0]?.id, undefined]]);
      const steps = await store.journeyStepsOf('changed');
      expect(steps.map((step) => [step.id, step.status, step.reason]).sort()).toEqual(
        [
          [claimed[0]?.id, 'skipped', 'customer_gone'],
          [claimed[1]?.id, 'sent', null],
        ].sort(),
      );
      expect((await store.personalCoupons([`CHG-${claimed[0]?.id}`])).size).toBe(0);
    });

    it('sends each of 100 due steps once while two claimers race', async () => {
      const at = now + 10 * 86_400_000;
      await drain(store, at); // what earlier cases left waiting
      await store.scheduleJourneySteps(
        Array.from({ length: 100 }, (_, index) => plannedStep(1_000 + index, at, { journeyId: 'race' })),
      );
      const [first, second] = await Promise.all([drain(store, at), drain(store, at)]);
      const sent = [...(first ?? []), ...(second ?? [])];
      expect(sent).toHaveLength(100);
      expect(new Set(sent).size).toBe(100);
      const race = (await store.journeyStepsOf('race')).filter((step) => step.status === 'sent');
      expect(race).toHaveLength(100);
    });
  });
}
