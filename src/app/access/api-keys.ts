import { hash, randomBytes } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { ConsoleRole } from '../../ports/console-store.js';
import type { ApiKeyKind, ApiKeyRecord, Store } from '../../ports/store.js';
import { AppError } from '../errors.js';
import { KindLoader, type UnloadableReport } from '../loadable.js';
import { PUBLISHABLE_SCOPES, SCOPES, type Scope } from './scopes.js';

/**
 * Who is calling: the key that authenticated the request and what it may do. A console session is a
 * principal too: of kind `secret` (a back-office caller, counted as one), with `user` set, its
 * `keyId` being `user:<id>`, and only its role's scopes.
 */
export interface Principal {
  readonly keyId: string;
  readonly kind: ApiKeyKind;
  readonly scopes: ReadonlySet<Scope>;
  readonly user?: { readonly id: string; readonly email: string; readonly role: ConsoleRole };
}

/** A key created just now; the only moment its secret value is known. */
export interface CreatedKey {
  readonly key: string;
  readonly record: ApiKeyRecord;
}

/** How often an unknown key may trigger a reload from the store (keys made by the CLI on another process). */
const RELOAD_INTERVAL_MS = 5_000;

/**
 * Hashes a presented key. Keys are 256 random bits, so one fast hash suffices; no password KDF is
 * needed. One-shot `hash` rather than `createHash`: every request hashes its key (twice: the rate
 * limit and the auth hook), and each `createHash` leaves a weakly held native object that every
 * young-generation collection of the serving node then has to finalise.
 */
export function hashKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/**
 * Creates, stores and checks API keys. Keys are held in memory by hash, so checking a request's key
 * costs one hash and one map lookup; other nodes learn about new keys through the bus.
 */
export class ApiKeyService {
  #byHash = new Map<string, Principal>();
  /** Hashes of revoked keys: a configured key that was revoked stays revoked at the next start. */
  #revoked = new Set<string>();
  /** When each rotated key still in its grace period retires, by hash. */
  #retiring = new Map<string, number>();
  #lastReload = 0;
  readonly #loader: KindLoader;

  constructor(
    private readonly deps: {
      store: Store;
      bus: EventBus;
      clock: Clock;
      /** Stored keys that do not load (an unknown kind, a malformed hash) are left out and reported here. */
      reportUnloadable: UnloadableReport;
    },
  ) {
    this.#loader = new KindLoader('api-key', deps.reportUnloadable);
  }

  async start(): Promise<void> {
    await this.#reload();
    await this.deps.bus.subscribe('keys', () => this.#reload(), { onMissed: () => this.#reload() });
  }

  /** The principal of a presented key, or undefined for an unknown key. */
  async authenticate(key: string): Promise<Principal | undefined> {
    const hash = hashKey(key);
    const retiresAt = this.#retiring.get(hash);
    if (retiresAt !== undefined && retiresAt <= this.deps.clock.now()) {
      this.#byHash.delete(hash);
      this.#retiring.delete(hash);
      this.#revoked.add(hash);
      return undefined;
    }
    const known = this.#byHash.get(hash);
    if (known !== undefined || this.deps.clock.now() - this.#lastReload < RELOAD_INTERVAL_MS) return known;
    await this.#reload();
    return this.#byHash.get(hash);
  }

  /** Makes a new random key of `kind`, stores it (secret keys only as a hash) and announces it. */
  async create(kind: ApiKeyKind, label: string): Promise<CreatedKey> {
    const key = `${kind === 'secret' ? 'sk' : 'pk'}_${randomBytes(32).toString('base64url')}`;
    return { key, record: await this.#insert(kind, key, label) };
  }

  /**
   * Makes sure the configured fixed keys are accepted and that the store has a key pair. On the first
   * start of an empty store (and only on one node, if several start at once) creates a pair and
   * returns it, so the caller can print it once.
   */
  async ensureKeys(
    configured: { secretKey?: string | undefined; publishableKey?: string | undefined },
    nodeId: string,
  ) {
    for (const [kind, key] of [
      ['secret', configured.secretKey],
      ['publishable', configured.publishableKey],
    ] as const) {
      if (key !== undefined && !this.#byHash.has(hashKey(key)) && !this.#revoked.has(hashKey(key)))
        await this.#insert(kind, key, `configured ${kind} key`);
    }
    const created: CreatedKey[] = [];
    for (const kind of ['secret', 'publishable'] as const) {
      if (this.#hasKind(kind)) continue;
      const winner = await this.deps.store.setSettingOnce(`keys.bootstrap.${kind}`, nodeId);
      if (winner === nodeId) created.push(await this.create(kind, `first-start ${kind} key`));
    }
    return created;
  }

  /** A publishable key in clear, for pages Attune serves itself (the demo storefront). */
  async anyPublishableKey(): Promise<string | undefined> {
    const keys = await this.deps.store.listKeys();
    return keys.find((record) => record.publishableKey !== undefined && record.revokedAt === undefined)
      ?.publishableKey;
  }

  /** Every key, revoked ones included, oldest first. */
  list(): Promise<ApiKeyRecord[]> {
    return this.deps.store.listKeys();
  }

  /**
   * Revokes a key: this node refuses it at once, the others as soon as the bus tells them (they
   * reload the keys from the store). Resolves false when there is no such key, or it was revoked.
   */
  async revoke(id: string): Promise<boolean> {
    const revoked = await this.deps.store.revokeKey(id, this.deps.clock.now());
    if (!revoked) return false;
    await this.#reload();
    await this.deps.bus.publish('keys', { keyId: id });
    return true;
  }

  /**
   * Rotates a key: a new key of the same kind and label now, and the old one keeps working for
   * `graceMs` (0: it stops at once), so callers can move to the new key without a failed request.
   * Undefined when there is no such key or it is revoked.
   * @throws AppError `key_retiring` for a key rotated already (rotate its successor).
   */
  async rotate(id: string, graceMs: number): Promise<(CreatedKey & { retiresAt: number }) | undefined> {
    const now = this.deps.clock.now();
    const current = await this.#liveKey(id, now);
    if (current === undefined) return undefined;
    // The old key's retirement is claimed first (a conditional write): of two rotations at once only
    // one makes a successor, and none leaves a live key that nobody was given.
    const retiresAt = now + graceMs;
    if (!(await this.deps.store.revokeKey(id, retiresAt, { onlyIfUnscheduled: true }))) {
      await this.#liveKey(id, now);
      return undefined;
    }
    const created = await this.create(current.kind, current.label);
    await this.#reload();
    await this.deps.bus.publish('keys', { keyId: id });
    return { ...created, retiresAt };
  }

  /**
   * The key if it works and has no retirement scheduled; undefined when there is none or it is revoked.
   * @throws AppError `key_retiring` when it was rotated already.
   */
  async #liveKey(id: string, now: number): Promise<ApiKeyRecord | undefined> {
    const current = (await this.deps.store.listKeys()).find((record) => record.id === id);
    if (current === undefined || (current.revokedAt !== undefined && current.revokedAt <= now))
      return undefined;
    if (current.revokedAt !== undefined) {
      throw new AppError('key_retiring', `key ${id} was rotated already and retires then`, {
        in: 'path',
        pointer: '/id',
        revokedAt: new Date(current.revokedAt).toISOString(),
      });
    }
    return current;
  }

  async #insert(kind: ApiKeyKind, key: string, label: string): Promise<ApiKeyRecord> {
    const record: ApiKeyRecord = {
      id: `key_${randomBytes(8).toString('hex')}`,
      kind,
      hash: hashKey(key),
      ...(kind === 'publishable' && { publishableKey: key }),
      label,
      createdAt: this.deps.clock.now(),
    };
    await this.deps.store.insertKey(record);
    const { hash: _hash, ...principal } = toPrincipal(record);
    this.#byHash.set(record.hash, principal);
    await this.deps.bus.publish('keys', { keyId: record.id });
    return record;
  }

  #hasKind(kind: ApiKeyKind): boolean {
    for (const principal of this.#byHash.values()) if (principal.kind === kind) return true;
    return false;
  }

  async #reload(): Promise<void> {
    this.#lastReload = this.deps.clock.now();
    const all = await this.deps.store.listKeys();
    const now = this.deps.clock.now();
    // A rotated key works until it retires; one revoked by now does not.
    const working = (record: ApiKeyRecord) => record.revokedAt === undefined || record.revokedAt > now;
    const records = all.filter(working);
    this.#revoked = new Set(all.filter((record) => !working(record)).map((record) => record.hash));
    this.#retiring = new Map(
      records.flatMap((record) => (record.revokedAt === undefined ? [] : [[record.hash, record.revokedAt]])),
    );
    const principals = this.#loader.all(records, (record) => record.id, toPrincipal);
    this.#byHash = new Map(principals.map(({ hash, ...principal }) => [hash, principal]));
  }
}

/** A stored key's kind, checked: a kind this version does not know grants nothing, so it is left out. */
const KINDS: ReadonlySet<string> = new Set<ApiKeyKind>(['secret', 'publishable']);

/** A key hash as {@link hashKey} writes it. */
const HASH = /^[0-9a-f]{64}$/;

/** What a stored key grants; throws when the record would not load (so it grants nothing). */
function toPrincipal(record: ApiKeyRecord): Principal & { readonly hash: string } {
  if (!KINDS.has(record.kind))
    throw new Error(`invalid_value at /kind: unknown key kind ${String(record.kind)}`);
  if (typeof record.hash !== 'string' || !HASH.test(record.hash))
    throw new Error('invalid_format at /hash: not a SHA-256 hash of a key');
  return {
    hash: record.hash,
    keyId: record.id,
    kind: record.kind,
    scopes: new Set(record.kind === 'secret' ? SCOPES : PUBLISHABLE_SCOPES),
  };
}
