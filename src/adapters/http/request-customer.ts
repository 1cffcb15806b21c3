import type { FastifyRequest } from 'fastify';
import type { CustomerContext, CustomerContexts } from '../../app/customers/customer-context.js';
import type { ExperimentAssignments } from '../../app/experiments/experiment-assignments.js';

/** How a request proves who it acts for: a secret key may act for anyone, a publishable key only with a customer token. */
export function customerProof(request: FastifyRequest): { trusted: boolean; customerToken?: string } {
  const header = request.headers['x-customer-token'];
  return {
    trusted: request.principal?.scopes.has('profiles:read') === true,
    ...(typeof header === 'string' && { customerToken: header }),
  };
}

/**
 * Whether a storefront answer to this request is recorded (decisions, enrolments, exposures,
 * impressions). A console session is a merchant looking, not a shopper's visit: it is answered as
 * the customer it names would be, and nothing is recorded, whatever its role.
 */
export function recordsVisit(request: FastifyRequest): boolean {
  return request.principal?.user === undefined;
}

/** The customer a storefront request names, as every answer sees them (proof and consent applied). */
export function customerOf(
  customers: CustomerContexts,
  request: FastifyRequest,
  body: { userId?: string; anonymousId?: string; context?: Record<string, unknown> },
): Promise<CustomerContext> {
  return customers.resolve({
    ...(body.userId !== undefined && { userId: body.userId }),
    ...(body.anonymousId !== undefined && { anonymousId: body.anonymousId }),
    ...(body.context !== undefined && { context: body.context }),
    ...customerProof(request),
  });
}

/**
 * The customer a storefront request names, with the variants of the experiments they are in
 * applied (in a holdout: an anonymous visitor in the same context).
 */
export async function viewerOf(
  deps: { customers: CustomerContexts; experiments: ExperimentAssignments },
  request: FastifyRequest,
  body: { userId?: string; anonymousId?: string; context?: Record<string, unknown> },
  /** False for a preview: variants are applied, nobody is enrolled. */
  record = true,
): Promise<CustomerContext> {
  const customer = await customerOf(deps.customers, request, body);
  return deps.experiments.view(
    customer,
    () => deps.customers.resolve({ context: customer.context, trusted: false }),
    record && recordsVisit(request),
  );
}
