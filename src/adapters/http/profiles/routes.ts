import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CustomerTokens } from '../../../app/access/customer-tokens.js';
import type { FoundProfile, ProfileService } from '../../../app/profiles/profile-service.js';
import { ProfileError } from '../../../domain/profiles/index.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import { customerProof } from '../request-customer.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import {
  ConsentBody,
  CustomerIdParams,
  CustomerTokenBody,
  RevokeTokensBody,
  RevokeTokensResponse,
  CustomerTokenResponse,
  ErasureReceipt,
  ProfileResponse,
} from './schemas.js';

/** What the profile routes need. */
export interface ProfileRouteDeps {
  readonly profiles: ProfileService;
  readonly tokens: CustomerTokens;
}

/** The customer a request may act as: everyone with a secret key, else only the one its customer token names. */
async function tokenCustomer(request: FastifyRequest, tokens: CustomerTokens): Promise<string | undefined> {
  return tokens.verify(customerProof(request).customerToken);
}

function mayReadAnyone(request: FastifyRequest): boolean {
  return customerProof(request).trusted;
}

/**
 * A publishable key sees an anonymous profile by its anonymousId, and a known customer's profile
 * only with a customer token for that customer. Anything else is answered as if it did not exist.
 */
function canSee(found: FoundProfile, customer: string | undefined): boolean {
  const owner = found.profile.userId;
  return owner === undefined
    ? found.foundBy.kind === 'anon' || customer === found.foundBy.value
    : customer === owner;
}

function notVisible(id: string): ProfileError {
  return new ProfileError(
    'profile_not_found',
    `no profile you may read for ${id} (a known customer's profile needs a customer token)`,
    {},
  );
}

/**
 * `/v1/profiles`: a customer's profile, consent, export and erasure, and `POST /v1/customer-tokens`,
 * which lets a browser act as its customer on them.
 */
export function registerProfileRoutes(parent: FastifyInstance, deps: ProfileRouteDeps): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const { profiles, tokens } = deps;
  const tags = ['profiles'];

  const visibleProfile = async (request: FastifyRequest, id: string): Promise<FoundProfile> => {
    const found = await profiles.find(id);
    if (found === undefined) throw notVisible(id);
    if (mayReadAnyone(request) || canSee(found, await tokenCustomer(request, tokens))) return found;
    throw notVisible(id);
  };

  app.get(
    '/v1/profiles/:id',
    {
      config: { scope: 'profiles:self' },
      schema: {
        tags,
        summary: 'A customer profile, by userId or anonymousId',
        params: CustomerIdParams,
        response: { 200: ProfileResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => profiles.view((await visibleProfile(request, request.params.id)).profile),
  );

  app.put(
    '/v1/profiles/:id/consent',
    {
      config: { scope: 'profiles:self' },
      schema: {
        tags,
        summary: 'Record consent for personalisation and analytics',
        description:
          'For a known customer (userId) or an anonymous visitor (anonymousId). Recorded even when analytics is refused.',
        params: CustomerIdParams,
        body: ConsentBody,
        response: { 200: ProfileResponse, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => {
      const { id } = request.params;
      const customer = await tokenCustomer(request, tokens);
      const found = await profiles.find(id);
      if (found !== undefined && !mayReadAnyone(request) && !canSee(found, customer)) throw notVisible(id);
      const asUser =
        found?.foundBy.kind === 'user' ||
        (found === undefined && (mayReadAnyone(request) || customer === id));
      return profiles.view((await profiles.setConsent(id, request.body, asUser)).profile);
    },
  );

  app.get(
    '/v1/profiles/:id/export',
    {
      config: { scope: 'profiles:self' },
      schema: {
        tags,
        summary: 'Everything held about a known customer (GDPR export)',
        params: CustomerIdParams,
        response: {
          200: Type.Object({}, { additionalProperties: true }),
          404: ProblemSchema,
          ...commonProblems,
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!mayReadAnyone(request) && (await tokenCustomer(request, tokens)) !== id) throw notVisible(id);
      return profiles.export(id);
    },
  );

  app.delete(
    '/v1/profiles/:id',
    {
      config: { scope: 'profiles:erase' },
      schema: {
        tags,
        summary: 'Erase a known customer (GDPR erasure) and answer a receipt',
        params: CustomerIdParams,
        response: { 200: ErasureReceipt, 404: ProblemSchema, ...commonProblems },
      },
    },
    async (request) => profiles.erase(request.params.id),
  );

  app.post(
    '/v1/customer-tokens',
    {
      config: { scope: 'customer-tokens:create' },
      schema: {
        tags: ['access'],
        summary: 'Mint a customer token so a browser can act as this customer',
        body: CustomerTokenBody,
        response: { 201: CustomerTokenResponse, ...commonProblems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await tokens.mint(request.body.userId, request.body.ttlSeconds)),
  );

  app.post(
    '/v1/customer-tokens::revoke',
    {
      config: { scope: 'customer-tokens:revoke' },
      schema: {
        tags: ['access'],
        summary: "Revoke every token of a customer issued before now (a stolen or signed-out browser's)",
        body: RevokeTokensBody,
        response: { 200: RevokeTokensResponse, ...commonProblems },
      },
    },
    async (request) => tokens.revokeAll(request.body.userId),
  );
}
