import type { FastifyInstance } from 'fastify';
import type { ExperimentService } from '../../../app/experiments/experiment-service.js';
import { IdParams, PageOf, PageOnlyQuery, ProblemSchema, commonProblems } from '../common-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../cursor.js';
import { etagOf, ifMatchOf } from '../preconditions.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { ExperimentBody, ExperimentResponse, ExperimentResultsResponse } from './schemas.js';
import { resultsView } from './views.js';

/** `/v1/experiments`: A/B tests of strategies, weights, content, promotions and price lists. */
export function registerExperimentRoutes(
  parent: FastifyInstance,
  experiments: ExperimentService,
  storeCurrency: string,
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['experiments'];
  const config = { scope: 'experiments:write' } as const;

  app.put(
    '/v1/experiments/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Create or replace an experiment',
        description:
          'Variants, weights, seed and layer of a running experiment cannot change (409 experiment_running): ' +
          'stop it and start a new one. Name, schedule, audience and status may.',
        params: IdParams,
        body: ExperimentBody,
        response: {
          200: ExperimentResponse,
          201: ExperimentResponse,
          409: ProblemSchema,
          412: ProblemSchema,
          ...commonProblems,
        },
      },
    },
    async (request, reply) => {
      const experiment = await experiments.put(request.params.id, request.body, ifMatchOf(request));
      return reply
        .code(experiment.version === 1 ? 201 : 200)
        .header('etag', etagOf(experiment.version))
        .send(experiment);
    },
  );

  app.get(
    '/v1/experiments/:id',
    {
      config,
      schema: {
        tags,
        summary: 'An experiment',
        params: IdParams,
        response: { 200: ExperimentResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      const experiment = experiments.get(request.params.id);
      return reply.header('etag', etagOf(experiment.version)).send(experiment);
    },
  );

  app.get(
    '/v1/experiments',
    {
      config,
      schema: {
        tags,
        summary: 'Every experiment, by id, paginated',
        querystring: PageOnlyQuery,
        response: { 200: PageOf(ExperimentResponse), ...commonProblems },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const after = decodeCursor(request.query.cursor);
      const rest = experiments
        .list()
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .filter((experiment) => after === undefined || experiment.id > after);
      const page = rest.slice(0, limit);
      return {
        items: page,
        nextCursor: encodeCursor(rest.length > limit ? page[page.length - 1]?.id : undefined),
      };
    },
  );

  app.get(
    '/v1/experiments/:id/results',
    {
      config,
      schema: {
        tags,
        summary:
          "An experiment's results: per variant, and each beside the control on the experiment's metric",
        description:
          'Computed from running per-variant totals, never from a scan of exposures. Revenue is in the store currency; ' +
          'vsControl is absent for the control and whenever a comparison cannot be made yet.',
        params: IdParams,
        response: { 200: ExperimentResultsResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const { experiment, results } = await experiments.results(request.params.id);
      return resultsView(experiment, results, storeCurrency);
    },
  );

  app.delete(
    '/v1/experiments/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete an experiment with its assignments and totals',
        params: IdParams,
        response: { 404: ProblemSchema, 412: ProblemSchema, ...commonProblems },
      },
    },
    async (request, reply) => {
      await experiments.delete(request.params.id, ifMatchOf(request));
      return reply.code(204).send();
    },
  );
}
