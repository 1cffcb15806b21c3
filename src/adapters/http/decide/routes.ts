import type { Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CustomerContexts } from '../../../app/customers/customer-context.js';
import type { DecideService } from '../../../app/decide/decide-service.js';
import { shownPartsOf } from '../../../app/decide/shown-parts.js';
import { atPreviewTime } from '../../../app/preview/preview-clock.js';
import { commonProblems } from '../common-schemas.js';
import { HttpProblem } from '../problem.js';
import { offerView } from '../promotions/views.js';
import { viewerOf, recordsVisit } from '../request-customer.js';
import type { ExperimentAssignments } from '../../../app/experiments/experiment-assignments.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { DecideBody, DecideResponse } from './schemas.js';

/** `POST /v1/decide`: everything one page shows, for one customer, in one call. */
export function registerDecideRoutes(
  parent: FastifyInstance,
  deps: {
    decide: DecideService;
    customers: CustomerContexts;
    experiments: ExperimentAssignments;
    storeCurrency: string;
  },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { decide } = deps;

  app.post(
    '/v1/decide',
    {
      // A page's answer, some 27 KB: written by JSON.stringify, held to the schema in tests (PlainJsonAnswers).
      config: { scope: 'storefront', plainJsonAnswer: true },
      schema: {
        tags: ['decide'],
        summary:
          'One page: listing, prices, offers, recommendations, content and cart, for this customer now',
        description:
          'Every part reads the same customer context: the price a listing shows is the unit price the cart charges. ' +
          'Without personalisation consent (or a customer token, with a publishable key) personalized is false and ' +
          'the answer is what an anonymous visitor in the same context gets. The decisionId may be cited by later events.',
        body: DecideBody,
        response: { 200: DecideResponse, ...commonProblems },
      },
    },
    async (request) => {
      const preview = request.body.preview;
      if (preview === undefined) return answer(request, request.body, recordsVisit(request));
      const at = previewInstant(request, preview.at);
      const decision = await atPreviewTime(at, () => answer(request, request.body, false));
      return { ...decision, preview: { at: new Date(at).toISOString() } };
    },
  );

  /** The page's decision; recorded (decision, exposures, impressions) unless it is a preview. */
  async function answer(request: FastifyRequest, body: Static<typeof DecideBody>, record: boolean) {
    const { userId, anonymousId, context, currency, listing, preview, ...rest } = body;
    const customer = await viewerOf(deps, request, body, record);
    const used = currency ?? deps.storeCurrency;
    const decision = await decide.decide(
      {
        ...rest,
        currency: used,
        ...(listing !== undefined && {
          listing: {
            limit: listing.limit,
            ...(typeof listing.category === 'string' && { category: listing.category }),
            ...(typeof listing.query === 'string' && { query: listing.query }),
            ...(typeof listing.cursor === 'string' && { cursor: listing.cursor }),
          },
        }),
      },
      customer,
      record,
    );
    if (record) {
      deps.experiments.countImpressions(customer, shownPartsOf(decision));
    }
    return { ...decision, offers: decision.offers.map((offer) => offerView(offer, used)) };
  }
}

/**
 * The instant a preview asks for; only a merchant may ask (a secret key or a console session): a
 * shopper's page must not learn next week's prices.
 * @throws HttpProblem `forbidden` for a publishable key.
 */
function previewInstant(request: FastifyRequest, at: string): number {
  if (request.principal?.scopes.has('decide:preview') !== true) {
    throw new HttpProblem('forbidden', 'a preview needs a secret key or a console session', {
      scope: 'decide:preview',
      in: 'body',
      pointer: '/preview',
    });
  }
  const instant = Date.parse(at);
  // A well-formed time JavaScript cannot place (a leap second, 23:59:60) is the caller's to fix.
  if (!Number.isFinite(instant)) {
    throw new HttpProblem('invalid_value', `${at} is not an instant (a leap second?)`, {
      in: 'body',
      pointer: '/preview/at',
    });
  }
  return instant;
}
