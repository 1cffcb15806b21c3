import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * `GET /openapi.json` (OpenAPI 3.1, generated from the route schemas) and a docs page at `/docs`,
 * whose assets are served locally: the page works without the internet.
 */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Attune',
        version,
        description:
          'Real-time personalisation for headless commerce. Money is integer minor units; errors are ' +
          'RFC 9457 problems with a stable `code` (docs/errors.md).',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'sk_... (secret) or pk_... (publishable)' },
          consoleSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'attune_session',
            description:
              'a console session (POST /v1/sessions), within its role; changes also need the X-CSRF-Token header',
          },
        },
      },
      security: [{ apiKey: [] }, { consoleSession: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { config: { scope: 'public' }, schema: { hide: true } }, () => app.swagger());
}
