import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * What the console's page may load: only itself (scripts, styles, the API on the same origin); inline
 * styles for the charts' and Preact's style attributes; never framed by another site.
 */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The merchant console at `/console`, in every mode: the static files vite built into `consoleRoot`
 * (web/console/dist). Nothing secret is in them: the page signs in with POST /v1/sessions and calls
 * the public API like any client. Not served when the console has not been built.
 */
export async function registerConsolePageRoutes(parent: FastifyInstance, consoleRoot: string): Promise<void> {
  if (!existsSync(consoleRoot)) return;
  // Its own plugin scope: the demo storefront registers @fastify/static for its own root too.
  await parent.register(async (app) => {
    await app.register(fastifyStatic, { root: consoleRoot, serve: false });
    const page = (reply: FastifyReply) =>
      reply
        .header('content-security-policy', CONSOLE_CSP)
        .header('x-frame-options', 'DENY')
        .header('referrer-policy', 'same-origin')
        .header('cache-control', 'no-cache')
        .sendFile('index.html');
    const options = { config: { scope: 'public' as const }, schema: { hide: true } };
    // The node ignores trailing slashes: this serves `/console` and `/console/` (assets are absolute).
    app.get('/console/', options, (_request, reply) => page(reply));
    app.get<{ Params: { '*': string } }>(
      '/console/assets/*',
      options,
      // `send` resolves the path under the root and refuses to leave it.
      (request, reply) => reply.sendFile(`assets/${request.params['*']}`, { maxAge: '1y', immutable: true }),
    );
  });
}
