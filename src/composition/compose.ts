import type { Capability, Infrastructure, RouteInstaller } from './capability.js';

/** Any recipe, as the composer handles it (a method, so a recipe asking for fewer services fits). */
interface Recipe {
  readonly needs: readonly string[];
  build(infra: Infrastructure, deps: object): Capability<object>;
}

type Table = Readonly<Record<string, Recipe>>;
type ServicesOf<T extends Table> = { [K in keyof T]: ReturnType<T[K]['build']>['services'] };
type Intersect<U> = (U extends unknown ? (part: U) => void : never) extends (all: infer I) => void
  ? I
  : never;
type NeedsOf<R> = R extends { readonly needs: readonly (infer N)[] } ? N : never;
/** The services a recipe's needs give it (an empty object when it needs nothing). */
type ServicesOfNeeds<T extends Table, N> = [N] extends [never]
  ? object
  : Intersect<ServicesOf<T>[N & keyof T]>;

/** Every capability's services, in one object: what a composed node offers. */
export type NodeServices<T extends Table> = Intersect<ServicesOf<T>[keyof T]>;

/**
 * What the table must satisfy: each recipe needs only capabilities of the table, and its `build`
 * asks for nothing the services of those capabilities do not give.
 */
type Checked<T extends Table> = {
  readonly [K in keyof T]: {
    readonly needs: readonly (keyof T & string)[];
    readonly build: (infra: Infrastructure, deps: ServicesOfNeeds<T, NeedsOf<T[K]>>) => unknown;
  };
};

/** A node's capabilities, built: their services and routes, and starting and stopping them all. */
export interface ComposedNode<S> {
  readonly services: S;
  /** Every capability's routes, in start order. */
  readonly routes: readonly RouteInstaller[];
  /** Starts each capability once all it needs has started (independent ones concurrently). */
  start(): Promise<void>;
  /** Begins each capability's background work, once the node is started and takes traffic. */
  serving(): void;
  /** Stops the capabilities one at a time, in the reverse of start order. */
  stop(): Promise<void>;
}

/** A mistake in the table of capabilities, found at start-up. */
export class CompositionError extends Error {
  constructor(
    readonly code: 'unknown_capability' | 'capability_cycle' | 'service_twice',
    message: string,
  ) {
    super(message);
    this.name = 'CompositionError';
  }
}

/**
 * Builds the capabilities of `table` in an order where each comes after what it needs, each from
 * the infrastructure and the services of its needs only.
 * @throws CompositionError when a need is missing, needs form a circle, or two capabilities offer
 *   a service under the same name.
 */
export function composeCapabilities<T extends Table>(
  table: T & Checked<T>,
  infra: Infrastructure,
): ComposedNode<NodeServices<T>> {
  const order = startOrder(new Map<string, Recipe>(Object.entries(table)));
  const built = new Map<string, Capability<object>>();
  for (const [name, recipe] of order) {
    const deps = mergeServices(recipe.needs.map((need) => [need, built.get(need)?.services ?? {}]));
    built.set(name, recipe.build(infra, deps));
  }
  const capabilities = [...built.values()];
  return {
    // The merge holds exactly each capability's services under their own names (none twice):
    // the intersection of their types, which TypeScript cannot follow through a loop.
    services: mergeServices([...built].map(([name, { services }]) => [name, services])) as NodeServices<T>,
    routes: capabilities.flatMap((capability) => capability.routes ?? []),
    async start() {
      const started = new Map<string, Promise<void>>();
      for (const [name, recipe] of order) {
        const capability = built.get(name);
        const needsStarted = Promise.all(recipe.needs.flatMap((need) => started.get(need) ?? []));
        started.set(
          name,
          needsStarted.then(() => capability?.start?.()),
        );
      }
      await Promise.all(started.values());
    },
    serving() {
      for (const capability of capabilities) capability.serving?.();
    },
    async stop() {
      for (const capability of [...capabilities].reverse()) await capability.stop?.();
    },
  };
}

/**
 * The recipes in an order where each comes after everything it needs, otherwise in table order.
 * @throws CompositionError `unknown_capability`, `capability_cycle`.
 */
export function startOrder<R extends { readonly needs: readonly string[] }>(
  recipes: ReadonlyMap<string, R>,
): [string, R][] {
  const order: [string, R][] = [];
  const done = new Set<string>();
  const visit = (name: string, path: readonly string[]): void => {
    if (done.has(name)) return;
    const recipe = recipes.get(name);
    if (recipe === undefined) {
      throw new CompositionError(
        'unknown_capability',
        `capability "${path[path.length - 1] ?? ''}" needs "${name}", which is not in the table`,
      );
    }
    if (path.includes(name)) {
      const circle = [...path.slice(path.indexOf(name)), name].join(' → ');
      throw new CompositionError('capability_cycle', `capabilities need each other in a circle: ${circle}`);
    }
    for (const need of recipe.needs) visit(need, [...path, name]);
    done.add(name);
    order.push([name, recipe]);
  };
  for (const name of recipes.keys()) visit(name, []);
  return order;
}

/** One object with the services of each named part. @throws CompositionError `service_twice`. */
function mergeServices(parts: readonly (readonly [string, object])[]): object {
  const merged: { [service: string]: unknown } = {};
  const offeredBy = new Map<string, string>();
  for (const [name, services] of parts) {
    for (const [service, value] of Object.entries(services)) {
      const other = offeredBy.get(service);
      if (other !== undefined) {
        throw new CompositionError('service_twice', `"${service}" is offered by both ${other} and ${name}`);
      }
      offeredBy.set(service, name);
      merged[service] = value;
    }
  }
  return merged;
}
