import type { FastifyInstance } from 'fastify';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import type { Checkout } from '../../../app/promotions/checkout.js';
import type { OrderHistory } from '../../../app/promotions/order-history.js';
import type { OrderPosition } from '../../../ports/promotion-store.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../cursor.js';
import { HttpProblem } from '../problem.js';
import { viewerOf } from '../request-customer.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { CartResponse, OrderBody } from '../promotions/schemas.js';
import { OrderIdParams, OrderListQuery, OrderPage, PlacedOrderResponse } from './schemas.js';

/** `/v1/orders`: recording a completed order (codes, budgets and limits redeemed at once) and reading orders back. */
export function registerOrderRoutes(
  parent: FastifyInstance,
  deps: {
    checkout: Checkout;
    history: OrderHistory;
    customers: CustomerContexts;
    experiments: ExperimentAssignments;
  },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { checkout, history } = deps;
  const tags = ['orders'];

  app.post(
    '/v1/orders',
    {
      config: { scope: 'orders:write' },
      schema: {
        tags,
        summary:
          'Record a completed order: re-evaluates the cart and redeems codes, budgets and limits atomically',
        description:
          'Idempotent by orderId. A code the customer entered that has hit a limit answers 409 (coupon_redeemed, budget_exhausted, customer_limit); ' +
          'an automatic promotion that has simply stops applying. The order also counts in the profile as an Order Completed, once.',
        body: OrderBody,
        response: { 200: CartResponse, 409: ProblemSchema, 422: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => checkout.placeOrder(request.body, await viewerOf(deps, request, request.body)),
  );

  app.get(
    '/v1/orders/:orderId',
    {
      config: { scope: 'orders:read' },
      schema: {
        tags,
        summary: 'One recorded order: its lines, discounts and total as recorded, and when it was placed',
        params: OrderIdParams,
        response: { 200: PlacedOrderResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const order = await history.get(request.params.orderId);
      if (order === undefined) throw new HttpProblem('order_not_found', `no order ${request.params.orderId}`);
      return order;
    },
  );

  app.get(
    '/v1/orders',
    {
      config: { scope: 'orders:read' },
      schema: {
        tags,
        summary: "A customer's recorded orders, newest first (userId, else anonymousId)",
        querystring: OrderListQuery,
        response: { 200: OrderPage, ...commonProblems },
      },
    },
    async (request) => {
      const { userId, anonymousId, limit, cursor } = request.query;
      const customer =
        userId !== undefined
          ? ({ kind: 'user', value: userId } as const)
          : anonymousId !== undefined
            ? ({ kind: 'anon', value: anonymousId } as const)
            : undefined;
      if (customer === undefined) {
        throw new HttpProblem('missing_field', 'name the customer: userId or anonymousId', {
          in: 'query',
          pointer: '/userId',
        });
      }
      const page = await history.list(customer, limit ?? DEFAULT_PAGE_SIZE, positionOf(decodeCursor(cursor)));
      return {
        items: page.orders,
        nextCursor: encodeCursor(page.next && `${page.next.createdAt}:${page.next.orderId}`),
      };
    },
  );
}

/** The cursor's `after` is `<placed at, epoch ms>:<order id>`; anything else is not a cursor Attune gave. */
function positionOf(after: string | undefined): OrderPosition | undefined {
  if (after === undefined) return undefined;
  const separator = after.indexOf(':');
  const createdAt = Number(after.slice(0, separator));
  if (separator < 1 || !Number.isSafeInteger(createdAt)) {
    throw new HttpProblem('invalid_cursor', 'pass nextCursor from the previous page unchanged', {
      in: 'query',
      pointer: '/cursor',
    });
  }
  return { createdAt, orderId: after.slice(separator + 1) };
}
