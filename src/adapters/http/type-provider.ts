import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyTypeProvider } from 'fastify';

/**
 * Types requests from their TypeBox schemas. Replies are left untyped on purpose: domain objects are
 * deeply `readonly`, which TypeBox's mutable static types reject, and the response schemas still
 * shape and serialise every answer at run time.
 */
export interface TypeBoxRequestProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: unknown;
}
