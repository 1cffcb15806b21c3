import type { FastifyRequest } from 'fastify';
import type { CustomerContext, CustomerContexts } from '../../app/customers/customer-context.js';

/** How a request proves who it acts for: a secret key may act for anyone, a publishable key only with a customer token. */
export function customerProof(request: FastifyRequest): { trusted: boolean; customerToken?: string } {
  const header = request.headers['x-customer-token'];
  return {
    trusted: request.principal?.scopes.has('profiles:read') === true,
    ...(typeof header === 'string' && { customerToken: header }),
  };
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
