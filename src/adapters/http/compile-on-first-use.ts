import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySchemaCompiler } from 'fastify';

/** What Fastify hands a serialiser compiler for one route and status. */
type SerializerRoute = Parameters<ReturnType<ReturnType<typeof SerializerSelector>>>[0];
type Serializer = (document: unknown) => string;
type Compiled = (...args: never[]) => unknown;

/**
 * Route schemas compiled when a route first needs them rather than when the app is built.
 * Compiling every route's validators (Ajv) and response serialisers (fast-json-stringify) up
 * front took about 2 s of CPU, most of a start from a snapshot, for routes a node may not be asked
 * for in its first minutes. {@link compileRest} compiles what is still pending in the background,
 * between requests, so a broken schema still shows within seconds of a start and later first
 * requests do not pay for it.
 */
export class CompileOnFirstUse {
  readonly #pending = new Set<() => void>();

  /** Wraps a Fastify validator compiler: each validator compiles on its first call. */
  validators(compile: FastifySchemaCompiler<unknown>): FastifySchemaCompiler<unknown> {
    return (route) => this.#deferred(() => compile(route));
  }

  /**
   * Fastify's own serialiser compiler, with each serialiser compiled on its first call; `choose`,
   * when given, picks the serialiser then, from the route and its compiled one (compiled only if
   * asked for).
   */
  serializers(
    choose: (route: SerializerRoute, compiled: () => Serializer) => Serializer = (_route, compiled) =>
      compiled(),
  ): ReturnType<typeof SerializerSelector> {
    const factory = SerializerSelector();
    return (externalSchemas, options) => {
      const compile = factory(externalSchemas, options);
      return (route: SerializerRoute) =>
        this.#deferred<Serializer>(() => choose(route, () => compile(route) as Serializer));
    };
  }

  /** How many compiled functions wait for their first call or {@link compileRest}. */
  get pending(): number {
    return this.#pending.size;
  }

  /**
   * Compiles every pending schema, yielding to the event loop between two, until done or `stopped`
   * says so; resolves to the errors of those that do not compile (each would fail its route's
   * first request the same way).
   */
  async compileRest(stopped: () => boolean = () => false): Promise<unknown[]> {
    const errors: unknown[] = [];
    for (const compile of [...this.#pending]) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped()) break;
      try {
        compile();
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  #deferred<F extends Compiled>(compile: () => F): F {
    let compiled: F | undefined;
    const compileNow = (): F => {
      if (compiled !== undefined) return compiled;
      this.#pending.delete(compileNow);
      compiled = compile();
      return compiled;
    };
    this.#pending.add(compileNow);
    // A validator reports why data failed on its `errors` property, which Fastify reads from the
    // function it was given: the wrapper carries the compiled one's.
    const call = (...args: Parameters<F>) => {
      const target = compileNow();
      const result = target(...args);
      (call as { errors?: unknown }).errors = (target as { errors?: unknown }).errors;
      return result;
    };
    return call as unknown as F;
  }
}
