import type { AppliedExperiments } from '../../../domain/experiments/index.js';
import type { CustomerContext } from '../../../app/customers/customer-context.js';

/** The experiments a viewer is in, as storefront answers list them: `[{ experimentId, variant }]`. */
export function experimentsView(customer: CustomerContext): AppliedExperiments['entries'] {
  return customer.experiments?.entries ?? [];
}
