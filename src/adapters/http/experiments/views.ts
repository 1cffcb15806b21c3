import type { AppliedExperiments } from '../../../domain/experiments/index.js';
import type { CustomerContext } from '../../../app/customers/customer-context.js';
import type { Experiment, ExperimentResults } from '../../../domain/experiments/index.js';

/** An experiment's results as the API shows them: its id and status first, revenue as Money. */
export function resultsView(experiment: Experiment, results: ExperimentResults, currency: string) {
  return {
    experimentId: experiment.id,
    status: experiment.status,
    ...results,
    variants: results.variants.map((variant) => ({
      ...variant,
      revenue: { amount: variant.revenue, currency },
    })),
  };
}

/** The experiments a viewer is in, as storefront answers list them: `[{ experimentId, variant }]`. */
export function experimentsView(customer: CustomerContext): AppliedExperiments['entries'] {
  return customer.experiments?.entries ?? [];
}
