import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { RouteInstaller } from '../adapters/http/build-app.js';
import type { RateLimiter, SignInLimitClass } from '../adapters/http/rate-limits.js';
import type { SharedStreamCounts } from '../adapters/http/stream/stream-quotas.js';
import type { UnloadableReport } from '../app/loadable.js';
import type { Readiness } from '../app/readiness.js';
import type { ServingFirst } from '../app/serving-first.js';
import type { Config } from '../config/schema.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/event-bus.js';
import type { ModelTrainer } from '../ports/model-trainer.js';
import type { Identity, Store } from '../ports/store.js';
import type { WebhookTransport } from '../ports/webhook-transport.js';
import type { OwnReceiverAllowance } from '../adapters/webhooks/own-receiver.js';

/** What every capability is built on: chosen once, in `createAttune`. */
export interface Infrastructure {
  readonly config: Config;
  readonly logger: Logger;
  /** Where capabilities register their own metrics for `/metrics`. */
  readonly metrics: Registry;
  readonly clock: Clock;
  readonly store: Store;
  readonly bus: EventBus;
  /** This node's id: its own bus messages carry it, and it skips them. */
  readonly nodeId: string;
  readonly readiness: Readiness;
  /** Reports stored objects a load left out because they do not load (logged, `/readyz`, `/metrics`). */
  readonly reportUnloadable: UnloadableReport;
  /** Reports failures of background work, which must not fail a request. */
  readonly onError: (error: unknown) => void;
  /** Salted hash of a customer id (the store's own salt): what an erasure keeps. */
  readonly hashId: (identity: Identity) => string;
  /** The key customer tokens are signed with (configured, else made once per store). */
  readonly customerTokenSecret: string;
  /** Where the heavier recommendation models are trained (a worker thread unless replaced). */
  readonly trainer: ModelTrainer;
  /** How webhook messages leave the node (HTTP, refusing private targets unless configured). */
  readonly webhookTransport: WebhookTransport;
  /** Demo mode only: the one receiver this node serves itself (the demo mailbox), let past the address policy. */
  readonly ownWebhookReceiver?: OwnReceiverAllowance;
  /** Counts console sign-in attempts per email and per address (shared through Redis when set). */
  readonly signInLimiter?: RateLimiter<SignInLimitClass>;
  /** Live stream counts shared by the nodes (with Redis and a stream quota set); else each node counts. */
  readonly streamCounts?: SharedStreamCounts;
  /** Requests in flight, which background work (journey sends, webhook deliveries) lets go first. */
  readonly servingFirst: ServingFirst;
}

export type { RouteInstaller };

/** A built capability: its services (merged into the node), its routes, and how it starts and stops. */
export interface Capability<S extends object> {
  readonly services: S;
  readonly routes?: readonly RouteInstaller[];
  /** Loads from the store and follows the bus; runs once every capability it needs has started. */
  readonly start?: () => Promise<void>;
  /**
   * Background work begun once the node is started and its routes built, as it takes traffic:
   * work a start does not wait for (scans of every profile, training) would otherwise run beside
   * the rest of the start and hold it up competing for the CPU.
   */
  readonly serving?: () => void;
  /** Runs before the capabilities it needs stop. */
  readonly stop?: () => Promise<void>;
}

/**
 * How a capability is made: the capabilities whose services it needs (by their names in the node's
 * table), and a function building it from the infrastructure and those services. The table checks
 * that `build` asks for no more than the services of `needs`.
 */
export interface CapabilityRecipe<N extends string, D, S extends object> {
  readonly needs: readonly N[];
  readonly build: (infra: Infrastructure, deps: D) => Capability<S>;
}

/** Writes a recipe with its `needs` typed as the literal names given. */
export function capability<const N extends string, D, S extends object>(
  needs: readonly N[],
  build: (infra: Infrastructure, deps: D) => Capability<S>,
): CapabilityRecipe<N, D, S> {
  return { needs, build };
}
