import { fnv1a32, type ExperimentInput } from '../../domain/experiments/index.js';
import { formatMajorUnits } from '../../domain/shared/index.js';
import type { CustomerContexts } from '../customers/customer-context.js';
import type { DecideService } from '../decide/decide-service.js';
import { shownPartsOf } from '../decide/shown-parts.js';
import type { ExperimentAssignments } from '../experiments/experiment-assignments.js';
import type { ExperimentService } from '../experiments/experiment-service.js';
import type { EventIngestion } from '../profiles/event-ingestion.js';

/** The demo's experiment: the home page's recommendations slot (`for-you`), for-you against popular, with a holdout. */
export const DEMO_EXPERIMENT_ID = 'home-recs';
const HOME_SLOT = 'for-you';

export const DEMO_EXPERIMENT: ExperimentInput = {
  name: 'Home recommendations: for you vs popular, with a 10 % personalisation holdout',
  status: 'running',
  metric: 'revenue_per_unit',
  variants: [
    { id: 'for-you', weight: 45, changes: { recommendations: { [HOME_SLOT]: { strategy: 'for-you' } } } },
    { id: 'popular', weight: 45, changes: { recommendations: { [HOME_SLOT]: { strategy: 'popular' } } } },
    { id: 'holdout', weight: 10, changes: { personalization: false } },
  ],
};

/** Simulated visitors sent through the experiment at demo load, so its results have numbers at once. */
export const DEMO_VISITORS = 2_000;
/** Per variant: chance of a click per page view, of an order per visitor, and the order value (pence). */
const BEHAVIOUR: Record<string, { click: number; order: number; value: number }> = {
  'for-you': { click: 0.12, order: 0.09, value: 3_400 },
  popular: { click: 0.09, order: 0.07, value: 3_000 },
  holdout: { click: 0.06, order: 0.05, value: 2_800 },
};
const EVENTS_PER_SUBMISSION = 500;

/** A number in [0, 1) fixed by its inputs: the same simulated traffic on every load. */
const chance = (...parts: (string | number)[]) => fnv1a32(parts.join('|')) / 2 ** 32;

export interface DemoTrafficDeps {
  readonly experiments: ExperimentService;
  readonly customers: CustomerContexts;
  readonly assignments: ExperimentAssignments;
  readonly decide: DecideService;
  readonly ingestion: EventIngestion;
  /** Writes the buffered first exposures, impressions and decisions (what attribution reads). */
  readonly flushLogs: () => Promise<void>;
  readonly currency: string;
}

/**
 * Puts the demo experiment and sends simulated visitors through it the way a storefront would:
 * each anonymous visitor `demo-visitor-<n>` opens the home page one to five times (`decide`, which
 * assigns, records the first exposure, counts impressions and records the decision), clicks a
 * recommendation citing the decision with a per-variant chance per view, and orders with a
 * per-variant chance (`Product Clicked` and `Order Completed` through ingestion, so the product's
 * own attribution credits them). The chances are fixed by the visitor's id: the same traffic on
 * every load. The visitors are anonymous profiles like any other.
 * @returns how many visitors the experiment enrolled.
 */
export async function setUpDemoExperiment(deps: DemoTrafficDeps, visitors = DEMO_VISITORS): Promise<number> {
  await deps.experiments.put(DEMO_EXPERIMENT_ID, DEMO_EXPERIMENT);
  const events: unknown[] = [];
  let enrolled = 0;
  for (let index = 0; index < visitors; index += 1) {
    const anonymousId = `demo-visitor-${index}`;
    const visit = await visitHomePage(deps, anonymousId);
    if (visit === undefined) continue;
    enrolled += 1;
    events.push(...behaviourOf(anonymousId, visit, deps.currency));
  }
  // Attribution reads the stored exposures and decisions: they are written before the events.
  await deps.flushLogs();
  for (let start = 0; start < events.length; start += EVENTS_PER_SUBMISSION) {
    const result = await deps.ingestion.submit(events.slice(start, start + EVENTS_PER_SUBMISSION), {
      fromServer: true,
    });
    if (result.rejected.length > 0) {
      throw new Error(`demo traffic refused: ${JSON.stringify(result.rejected[0])}`);
    }
  }
  return enrolled;
}

interface HomeVisit {
  readonly variant: string;
  /** Per page view: the decision and the products the home slot showed. */
  readonly views: readonly { decisionId: string; productIds: readonly string[] }[];
}

/** The visitor's page views of the home page, answered as `POST /v1/decide` answers them; undefined when not enrolled. */
async function visitHomePage(deps: DemoTrafficDeps, anonymousId: string): Promise<HomeVisit | undefined> {
  const customer = await deps.customers.resolve({ anonymousId, trusted: true });
  const viewer = await deps.assignments.view(customer, () =>
    deps.customers.resolve({ context: customer.context, trusted: false }),
  );
  const variant = viewer.experiments?.entries.find((entry) => entry.experimentId === DEMO_EXPERIMENT_ID);
  if (variant === undefined) return undefined;
  const views = [];
  const pageViews = 1 + Math.floor(chance(anonymousId, 'views') * 5);
  for (let view = 0; view < pageViews; view += 1) {
    const decision = await deps.decide.decide(
      {
        currency: deps.currency,
        // Ids are enough here: what a storefront would draw costs nothing to the experiment.
        include: [],
        recommendations: [{ slot: HOME_SLOT, strategy: 'for-you', limit: 4 }],
      },
      viewer,
    );
    deps.assignments.countImpressions(viewer, shownPartsOf(decision));
    const items = decision.recommendations[HOME_SLOT]?.items ?? [];
    views.push({
      decisionId: decision.decisionId,
      productIds: items.map((item) => item.productId),
    });
  }
  return { variant: variant.variant, views };
}

/** The visitor's clicks (one per view at most) and order, as a storefront and the merchant's server send them. */
function behaviourOf(anonymousId: string, visit: HomeVisit, currency: string): unknown[] {
  const behaviour = BEHAVIOUR[visit.variant];
  if (behaviour === undefined) return [];
  const events: unknown[] = [];
  visit.views.forEach((view, index) => {
    const productId =
      view.productIds[Math.floor(chance(anonymousId, 'item', index) * view.productIds.length)];
    if (productId === undefined || chance(anonymousId, 'click', index) >= behaviour.click) return;
    events.push({
      type: 'track',
      event: 'Product Clicked',
      anonymousId,
      properties: { product_id: productId, decision_id: view.decisionId, slot: HOME_SLOT },
    });
  });
  const last = visit.views[visit.views.length - 1];
  const productId = last?.productIds[0];
  if (productId === undefined || chance(anonymousId, 'order') >= behaviour.order) return events;
  const value = Math.max(1, Math.round(behaviour.value * (0.5 + chance(anonymousId, 'value'))));
  const total = Number(formatMajorUnits({ amount: value, currency }));
  events.push({
    type: 'track',
    event: 'Order Completed',
    anonymousId,
    messageId: `demo-visitor-order-${anonymousId}`,
    properties: {
      order_id: `demo-${anonymousId}`,
      currency,
      total,
      products: [{ product_id: productId, price: total, quantity: 1 }],
    },
  });
  return events;
}
