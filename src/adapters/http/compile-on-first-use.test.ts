import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CompileOnFirstUse } from './compile-on-first-use.js';

const ajv = new Ajv({ allErrors: false });
const Body = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };

/** A validator compiler that counts what it compiles. */
function countingCompiler(): { compile: FastifySchemaCompiler<unknown>; compiled: object[] } {
  const compiled: object[] = [];
  return {
    compiled,
    compile: ({ schema }) => {
      compiled.push(schema as object);
      return ajv.compile(schema as object);
    },
  };
}

const route = (schema: object) => ({ schema, method: 'POST', url: '/x', httpPart: 'body' });

describe('CompileOnFirstUse', () => {
  it('compiles a validator on its first call only, and carries the reasons data failed', () => {
    const lazy = new CompileOnFirstUse();
    const { compile, compiled } = countingCompiler();
    const validate = lazy.validators(compile)(route(Body)) as ((data: unknown) => boolean) & {
      errors?: { instancePath: string; keyword: string }[] | null;
    };
    expect(compiled).toEqual([]);
    expect(lazy.pending).toBe(1);

    expect(validate({ n: 'two' })).toBe(false);
    expect(validate.errors?.map(({ instancePath, keyword }) => [instancePath, keyword])).toEqual([
      ['/n', 'type'],
    ]);
    expect(validate({ n: 2 })).toBe(true);
    expect(validate.errors).toBeNull();
    expect(compiled).toHaveLength(1);
    expect(lazy.pending).toBe(0);
  });

  it('serialises as Fastify does, compiling each serialiser on its first call', () => {
    const lazy = new CompileOnFirstUse();
    const compile = lazy.serializers()(undefined, {});
    const serialize = compile({
      schema: { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } } },
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });
    expect(lazy.pending).toBe(1);
    // Fields the schema does not name are left out, as fast-json-stringify does.
    expect(JSON.parse(serialize({ id: 'a', count: 2, secret: 's' }))).toEqual({ id: 'a', count: 2 });
    expect(lazy.pending).toBe(0);
  });

  it('compiles the rest on demand and reports each schema that does not compile', async () => {
    const lazy = new CompileOnFirstUse();
    const { compile, compiled } = countingCompiler();
    const validators = lazy.validators(compile);
    validators(route(Body));
    const broken = validators(route({ type: 'object', properties: { n: { type: 'no-such-type' } } }));
    validators(route({ type: 'string' }));

    const errors = await lazy.compileRest();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/properties\/n\/type/);
    expect(compiled).toHaveLength(3);
    expect(lazy.pending).toBe(0);
    // Its route's requests fail too (Fastify answers them 500), trying again each time.
    expect(() => (broken as (data: unknown) => unknown)({ n: 1 })).toThrow();
  });

  it('stops compiling the rest when told to', async () => {
    const lazy = new CompileOnFirstUse();
    const { compile, compiled } = countingCompiler();
    const validators = lazy.validators(compile);
    for (let n = 0; n < 5; n += 1) validators(route({ type: 'object', properties: { [`f${n}`]: {} } }));
    expect(await lazy.compileRest(() => compiled.length >= 2)).toEqual([]);
    expect(compiled).toHaveLength(2);
    expect(lazy.pending).toBe(3);
  });
});
