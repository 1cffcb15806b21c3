import type { FastifyInstance } from 'fastify';
import type { LoyaltyService } from '../../../app/loyalty/loyalty-service.js';
import { AppError } from '../../../app/errors.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { LoyaltyBody, LoyaltyResponse } from './schemas.js';

/** `/v1/loyalty/program`: the store's loyalty program (points per unit spent, tiers and perks). */
export function registerLoyaltyRoutes(parent: FastifyInstance, loyalty: LoyaltyService): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();

  app.put(
    '/v1/loyalty/program',
    {
      config: { scope: 'loyalty:write' },
      schema: {
        tags: ['loyalty'],
        summary: "Set the store's loyalty program; points and tiers are recomputed for every customer",
        body: LoyaltyBody,
        response: { 200: LoyaltyResponse, ...commonProblems },
      },
    },
    async (request) => loyalty.put(request.body),
  );

  app.get(
    '/v1/loyalty/program',
    {
      config: { scope: 'loyalty:write' },
      schema: {
        tags: ['loyalty'],
        summary: 'The loyalty program and its back-fill progress',
        response: { 200: LoyaltyResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async () => {
      const program = await loyalty.get();
      if (program === undefined)
        throw new AppError('loyalty_program_not_found', 'the store has no loyalty program yet', {});
      return program;
    },
  );
}
