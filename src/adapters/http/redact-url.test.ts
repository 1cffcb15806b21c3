import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { StreamQuery } from './stream/schemas.js';
import { loggableUrl, redactUrl, wordsOfRoute } from './redact-url.js';

const pseudonymise = (id: string) => `h(${id})`;
const request = (
  url: string,
  template: string | undefined,
  schema: Record<string, unknown> = {},
  is404 = false,
) => ({ url, is404, routeOptions: { url: template, schema } }) as unknown as FastifyRequest;

describe('the URL a request log shows', () => {
  it('redacts the credentials a browser passes in the query', () => {
    expect(redactUrl('/v1/stream?key=pk_x&userId=u&token=t')).toBe(
      '/v1/stream?key=[redacted]&userId=u&token=[redacted]',
    );
  });

  it('pseudonymises the live stream’s customer ids (decoded first), and redacts its credentials', () => {
    const logged = loggableUrl(
      request('/v1/stream?userId=erin%40example.org&anonymousId=dev+1&key=pk_x&currency=GBP', '/v1/stream', {
        querystring: StreamQuery,
      }),
      pseudonymise,
    );
    expect(logged).toBe(
      '/v1/stream?userId=~h(erin@example.org)&anonymousId=~h(dev 1)&key=[redacted]&currency=GBP',
    );
  });

  it('leaves paths alone whose parameters name no customer, and escaped colons in templates', () => {
    expect(loggableUrl(request('/v1/products/mug', '/v1/products/:id'), pseudonymise)).toBe(
      '/v1/products/mug',
    );
    expect(loggableUrl(request('/v1/prices:resolve', '/v1/prices::resolve'), pseudonymise)).toBe(
      '/v1/prices:resolve',
    );
  });

  it('hashes every part of a URL no route matched but the words of route paths', () => {
    const words = new Set(wordsOfRoute('/v1/profiles/:id'));
    expect(loggableUrl(request('/v1/profile/erin?x=erin&erin', '/*', {}, true), pseudonymise, words)).toBe(
      '/v1/~h(profile)/~h(erin)?~h(x)=~h(erin)&~h(erin)',
    );
    expect(loggableUrl(request('/v1/profiles/erin', undefined), pseudonymise, words)).toBe(
      '/v1/profiles/~h(erin)',
    );
    expect(loggableUrl(request('/nowhere/erin', '/*'), pseudonymise)).toBe('/~h(nowhere)/~h(erin)');
  });

  it('hashes the query parameters a route does not declare, name and value', () => {
    expect(
      loggableUrl(
        request('/v1/stream?currency=GBP&who=erin', '/v1/stream', { querystring: StreamQuery }),
        pseudonymise,
      ),
    ).toBe('/v1/stream?currency=GBP&~h(who)=~h(erin)');
  });

  it('takes the literal words of route paths, escaped colons included', () => {
    expect(wordsOfRoute('/v1/prices::resolve/:id/*')).toEqual(['v1', 'prices:resolve']);
  });
});
