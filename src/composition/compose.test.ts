import { describe, expect, it } from 'vitest';
import { capability, type Infrastructure } from './capability.js';
import { composeCapabilities, CompositionError, startOrder } from './compose.js';

/** The composer hands the infrastructure through untouched; these capabilities never read it. */
const infra = {} as Infrastructure;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof CompositionError ? error.code : 'not a CompositionError';
  }
  return undefined;
}

describe('startOrder', () => {
  it('puts each capability after what it needs, otherwise keeping the table order', () => {
    const recipes = new Map([
      ['decide', { needs: ['listings', 'catalog'] }],
      ['catalog', { needs: [] }],
      ['system', { needs: [] }],
      ['listings', { needs: ['catalog'] }],
    ]);
    expect(startOrder(recipes).map(([name]) => name)).toEqual(['catalog', 'listings', 'decide', 'system']);
  });

  it('refuses needs that go round in a circle, and a need the table lacks', () => {
    const circle = new Map([
      ['a', { needs: ['b'] }],
      ['b', { needs: ['c'] }],
      ['c', { needs: ['a'] }],
    ]);
    expect(codeOf(() => startOrder(circle))).toBe('capability_cycle');
    expect(codeOf(() => startOrder(new Map([['a', { needs: ['a'] }]])))).toBe('capability_cycle');
    expect(codeOf(() => startOrder(new Map([['a', { needs: ['missing'] }]])))).toBe('unknown_capability');
  });
});

describe('composeCapabilities', () => {
  it('builds each capability from the services of its needs, and offers all services in one object', () => {
    const node = composeCapabilities(
      {
        counter: capability([], () => ({ services: { count: 1 } })),
        doubler: capability(['counter'], (_infra, { count }: { count: number }) => ({
          services: { doubled: count * 2 },
        })),
      },
      infra,
    );
    expect(node.services).toEqual({ count: 1, doubled: 2 });
  });

  it('starts a capability only once what it needs has started, and stops in the reverse order', async () => {
    const log: string[] = [];
    let releaseSlow: () => void = () => {};
    const slowStart = new Promise<void>((resolve) => (releaseSlow = resolve));
    const step = (name: string, needs: readonly ('slow' | 'quick')[], started?: Promise<void>) =>
      capability(needs, () => ({
        services: {},
        start: async () => {
          log.push(`start ${name}`);
          await started;
          log.push(`started ${name}`);
        },
        stop: async () => void log.push(`stop ${name}`),
      }));
    const node = composeCapabilities(
      { slow: step('slow', [], slowStart), quick: step('quick', []), last: step('last', ['slow', 'quick']) },
      infra,
    );
    const starting = node.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start slow', 'start quick', 'started quick']);
    releaseSlow();
    await starting;
    expect(log.slice(3)).toEqual(['started slow', 'start last', 'started last']);
    log.length = 0;
    await node.stop();
    expect(log).toEqual(['stop last', 'stop quick', 'stop slow']);
  });

  it('begins background work only when told the node serves, not as part of its start', async () => {
    const begun: string[] = [];
    const node = composeCapabilities(
      {
        trainer: capability([], () => ({ services: {}, serving: () => void begun.push('trainer') })),
        plain: capability([], () => ({ services: {} })),
        scanner: capability(['trainer'], () => ({ services: {}, serving: () => void begun.push('scanner') })),
      },
      infra,
    );
    await node.start();
    expect(begun).toEqual([]);
    node.serving();
    expect(begun).toEqual(['trainer', 'scanner']);
  });

  it('installs every route, in start order', async () => {
    const installed: string[] = [];
    const node = composeCapabilities(
      {
        second: capability(['first'], () => ({
          services: {},
          routes: [() => void installed.push('second')],
        })),
        first: capability([], () => ({ services: {}, routes: [() => void installed.push('first')] })),
      },
      infra,
    );
    for (const install of node.routes) await install(undefined as never);
    expect(installed).toEqual(['first', 'second']);
  });

  it('refuses two capabilities offering a service under the same name', () => {
    const table = {
      a: capability([], () => ({ services: { shared: 1 } })),
      b: capability([], () => ({ services: { shared: 2 } })),
    };
    expect(codeOf(() => composeCapabilities(table, infra))).toBe('service_twice');
  });
});
