import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ApiKeyService } from '../../../app/access/api-keys.js';
import type { CustomerTokens } from '../../../app/access/customer-tokens.js';
import { DEMO_CUSTOMERS } from '../../../app/demo/demo-merchandising.js';
import type { Catalog } from '../../../domain/catalog/index.js';
import { ProblemSchema, StrictObject } from '../common-schemas.js';
import { HttpProblem } from '../problem.js';
import { placeholderImage } from './placeholder-image.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';

/** What the demo routes need. */
export interface DemoRouteDeps {
  readonly keys: ApiKeyService;
  readonly tokens: CustomerTokens;
  readonly catalog: Catalog;
  readonly currency: string;
  /** The built storefront (web/dist); the page is served only when it has been built. */
  readonly webRoot: string;
  /** Whether the store holds the demo: on a shop's own data, demo mode must not mint its customers' tokens. */
  readonly holdsDemo: () => Promise<boolean>;
}

const CATEGORIES_SHOWN = 8;

/**
 * The demo storefront (demo mode only): the page at `/`, its settings, and a stand-in for the shop's
 * own server, which in real life signs a customer in and mints their token. It mints tokens only for
 * the demo's customers, so even a demo node never hands out a token for anyone else.
 */
export async function registerDemoRoutes(parent: FastifyInstance, deps: DemoRouteDeps): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['demo'];
  let categories: string[] | undefined;
  let demoHere = false;
  const requireDemo = async () => {
    demoHere ||= await deps.holdsDemo();
    if (!demoHere) throw new HttpProblem('route_not_found', 'this store does not hold the demo (yet)');
  };

  app.get(
    '/demo/config',
    {
      config: { scope: 'public' },
      schema: { tags, summary: 'What the demo storefront needs: a publishable key, customers, categories' },
    },
    async () => {
      await requireDemo();
      // Not kept until the catalogue is there: the page may be opened while the demo still loads.
      if (categories === undefined || categories.length === 0) categories = topCategories(deps.catalog);
      return {
        publishableKey: (await deps.keys.anyPublishableKey()) ?? '',
        currency: deps.currency,
        customers: DEMO_CUSTOMERS,
        categories,
      };
    },
  );

  app.post(
    '/demo/customer-token',
    {
      config: { scope: 'public' },
      schema: {
        tags,
        summary:
          "Signs in as one of the demo's customers: what a shop's server does with POST /v1/customer-tokens",
        body: StrictObject({ userId: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 403: ProblemSchema },
      },
    },
    async (request) => {
      await requireDemo();
      const { userId } = request.body;
      if (!DEMO_CUSTOMERS.some((customer) => customer.userId === userId)) {
        throw new HttpProblem('forbidden', 'the demo signs in only as its own demo customers', {
          pointer: '/userId',
        });
      }
      return deps.tokens.mint(userId, 3_600);
    },
  );

  // The demo catalogue's pictures, drawn here: nothing is hosted elsewhere (see app/demo/demo-media.ts).
  app.get<{ Params: { name: string } }>(
    '/demo/images/:name',
    { config: { scope: 'public' }, schema: { hide: true } },
    (request, reply) => {
      const svg = placeholderImage(request.params.name);
      if (svg === undefined) throw new HttpProblem('route_not_found', 'no such demo image');
      return reply
        .header('content-type', 'image/svg+xml')
        .header('cache-control', 'public, max-age=86400')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(svg);
    },
  );

  if (!existsSync(deps.webRoot)) return;
  await app.register(fastifyStatic, { root: deps.webRoot, serve: false });
  app.get('/', { config: { scope: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.sendFile('index.html'),
  );
  app.get<{ Params: { '*': string } }>(
    '/assets/*',
    { config: { scope: 'public' }, schema: { hide: true } },
    // `send` resolves the path under the root and refuses to leave it.
    (request, reply) => reply.sendFile(`assets/${request.params['*']}`, { maxAge: '1y', immutable: true }),
  );
}

/** The largest top-level categories, for the storefront's menu. */
function topCategories(catalog: Catalog): string[] {
  const counts = new Map<string, number>();
  for (const product of catalog.products()) {
    const top = product.categories[0]?.split('/')[0];
    if (top !== undefined && product.status === 'active') counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CATEGORIES_SHOWN)
    .map(([id]) => id);
}
