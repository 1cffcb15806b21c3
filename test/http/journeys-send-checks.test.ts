import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { BOTH_STORES } from '../support/both-stores.js';
import { productBody, type TestAttune } from '../support/test-attune.js';
import { startTwoNodes, twoNodeServicesUp, type TwoNodes } from '../support/two-nodes.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SETTINGS = {
  ATTUNE_WEBHOOK_ALLOW_PRIVATE: 'true',
  ATTUNE_JOURNEY_FREQUENCY_CAP: '2/7d',
  ATTUNE_JOURNEY_QUIET_HOURS: 'off',
  ATTUNE_MARKETING_CONSENT_DEFAULT: 'granted',
};

/** A webhook, a promotion and a journey whose step carries a personal coupon. */
async function shop(node: TestAttune): Promise<void> {
  await node.call('PUT', '/v1/products/mug', { body: productBody({ title: 'mug' }) });
  const hook = await node.call('PUT', '/v1/webhooks/mailer', {
    body: { url: 'http://127.0.0.1:9/hook', events: ['journey.message'], secret: SECRET },
  });
  expect(hook.status).toBe(201);
  await node.call('PUT', '/v1/promotions/thanks', {
    body: {
      title: 'Thanks',
      coupon: { required: true, singleUse: true },
      action: { type: 'amount_off', target: 'order', amount: 100 },
    },
  });
  const journey = await node.call('PUT', '/v1/journeys/refunds', {
    body: {
      name: 'Sorry',
      status: 'active',
      trigger: { event: 'Order Refunded' },
      steps: [{ id: 'sorry', webhookId: 'mailer', coupon: { promotionId: 'thanks', expiresIn: '14d' } }],
    },
  });
  expect(journey.status).toBe(201);
}

/** Customers `userIds` made known to the store; answers their profile ids. */
async function customers(node: TestAttune, userIds: readonly string[]): Promise<string[]> {
  const batch = userIds.map((userId) => ({ type: 'identify', userId, traits: { name: userId } }));
  expect((await node.call('POST', '/v1/batch', { body: { batch } })).status).toBeLessThan(300);
  return Promise.all(
    userIds.map(async (value) => (await node.store.findProfileId({ kind: 'user', value })) as string),
  );
}

/** `perCustomer` steps of the journey due at `dueAt` for each customer, interleaved. */
async function schedule(
  node: TestAttune,
  users: readonly string[],
  ids: readonly string[],
  perCustomer: number,
  dueAt: number,
  tag: string,
) {
  const steps = Array.from({ length: users.length * perCustomer }, (_, index) => ({
    id: `msg_${tag}_${index}`,
    journeyId: 'refunds',
    stepId: 'sorry',
    occurrence: `${tag}:${index}`,
    profileId: ids[index % users.length] as string,
    userId: users[index % users.length] as string,
    triggerAt: dueAt - 1,
    dueAt,
    supersedes: false,
    context: { productIds: ['mug'] },
  }));
  await node.store.scheduleJourneySteps(steps);
}

/** How many of the journey's steps were sent to each profile. */
async function sentByProfile(store: Store): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const step of await store.journeyStepsOf('refunds'))
    if (step.status === 'sent') counts.set(step.profileId, (counts.get(step.profileId) ?? 0) + 1);
  return counts;
}

describe.skipIf(!twoNodeServicesUp)('journey frequency cap across two nodes (PostgreSQL)', () => {
  let nodes: TwoNodes;
  beforeAll(async () => {
    nodes = await startTwoNodes(SETTINGS);
    await shop(nodes.nodeA);
  });
  afterAll(() => nodes.dispose());

  it('never sends a customer more than the cap while both nodes send their steps at once', async () => {
    const { nodeA, nodeB } = nodes;
    const users = Array.from({ length: 20 }, (_, index) => `racer-${index}`);
    const ids = await customers(nodeA, users);
    // More than one claim holds (500), so both nodes hold steps of every customer.
    await schedule(nodeA, users, ids, 60, Date.now() - 1_000, 'race');
    await Promise.all([nodeA.journeyRunner.runDue(), nodeB.journeyRunner.runDue()]);
    await Promise.all([nodeA.journeyRunner.runDue(), nodeB.journeyRunner.runDue()]);
    const steps = await nodeA.store.journeyStepsOf('refunds');
    expect(steps.filter((step) => step.status === 'pending')).toEqual([]);
    const sent = await sentByProfile(nodeA.store);
    expect(Math.max(...sent.values())).toBeLessThanOrEqual(2);
    expect([...sent.values()].reduce((sum, count) => sum + count, 0)).toBe(40);
    const capped = steps.filter((step) => step.status === 'skipped' && step.reason === 'frequency_cap');
    expect(capped).toHaveLength(steps.length - 40);
    // A message skipped when it was written leaves no coupon behind.
    const codes = await nodeA.store.personalCoupons(
      capped.map((step) => step.couponCode).filter((code): code is string => code !== null),
    );
    expect(codes.size).toBe(0);
    expect(capped.every((step) => step.couponCode === null)).toBe(true);
  });
});

for (const setup of BOTH_STORES) {
  describe.skipIf(!setup.available)(`journey checks when the message is written (${setup.name})`, () => {
    let node: TestAttune;
    let finish: Store['finishJourneySteps'];
    beforeAll(async () => {
      node = await setup.start(SETTINGS);
      await shop(node);
      finish = node.store.finishJourneySteps.bind(node.store);
    });
    afterAll(() => node.dispose());

    /** Runs `meanwhile` after the runner decided and before it writes (another node, a request). */
    async function runWith(meanwhile: () => Promise<void>): Promise<void> {
      let once = false;
      node.store.finishJourneySteps = async (...args) => {
        if (!once) {
          once = true;
          await meanwhile();
        }
        return finish(...args);
      };
      try {
        await node.journeyRunner.runDue();
      } finally {
        node.store.finishJourneySteps = finish;
      }
    }

    it('skips a message another node sent the customer up to the cap meanwhile, without its coupon', async () => {
      const [id] = await customers(node, ['gil']);
      await schedule(node, ['gil'], [id as string], 1, Date.now() - 1_000, 'gil');
      await runWith(async () => {
        // Another node sends two messages to the same customer between this one's count and its write.
        await node.store.scheduleJourneySteps(
          [0, 1].map((index) => ({
            id: `msg_other_${index}`,
            journeyId: 'other',
            stepId: 'hello',
            occurrence: `other:${index}`,
            profileId: id as string,
            userId: 'gil',
            triggerAt: Date.now() - 2_000,
            dueAt: Date.now() - 1_000,
            supersedes: false,
            context: { productIds: [] },
          })),
        );
        const claimed = await node.store.claimJourneySteps(Date.now(), 10, 60_000);
        const message = (stepId: string) => ({
          id: stepId,
          webhookId: 'mailer',
          profileId: id as string,
          type: 'journey.message',
          payload: '{}',
        });
        await finish(
          claimed.map((step) => ({ step, outcome: { status: 'sent', message: message(step.id) } })),
          Date.now(),
        );
      });
      const [step] = (await node.store.journeyStepsOf('refunds')).filter((each) => each.userId === 'gil');
      expect(step).toMatchObject({ status: 'skipped', reason: 'frequency_cap', couponCode: null });
      expect(await node.store.countJourneyMessages(id as string, 0)).toBe(2);
    });

    it('sends nothing while a request is being served, and sends once serving leaves a gap', async () => {
      const [id] = await customers(node, ['ida']);
      await schedule(node, ['ida'], [id as string], 1, Date.now() - 1_000, 'ida');
      const claim = node.store.claimJourneySteps.bind(node.store);
      let claims = 0;
      node.store.claimJourneySteps = (...args) => {
        claims += 1;
        return claim(...args);
      };
      try {
        node.servingFirst.requestStarted();
        const run = node.journeyRunner.runDue();
        for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
        expect(claims).toBe(0);
        node.servingFirst.requestEnded();
        await run;
        expect(claims).toBeGreaterThan(0);
      } finally {
        node.store.claimJourneySteps = claim;
      }
      const [step] = (await node.store.journeyStepsOf('refunds')).filter((each) => each.userId === 'ida');
      expect(step?.status).toBe('sent');
    });

    it('skips a message whose customer withdrew marketing consent after it was decided', async () => {
      const [id] = await customers(node, ['hal']);
      await schedule(node, ['hal'], [id as string], 1, Date.now() - 1_000, 'hal');
      await runWith(async () => {
        const withdrawn = await node.call('POST', '/v1/identify', {
          body: { userId: 'hal', traits: {}, context: { consent: { marketing: false } } },
        });
        expect(withdrawn.status).toBeLessThan(300);
      });
      const [step] = (await node.store.journeyStepsOf('refunds')).filter((each) => each.userId === 'hal');
      expect(step).toMatchObject({ status: 'skipped', reason: 'no_marketing_consent', couponCode: null });
      expect(await node.store.countJourneyMessages(id as string, 0)).toBe(0);
    });
  });
}
