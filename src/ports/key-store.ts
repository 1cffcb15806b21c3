/** A secret key may do everything; a publishable key sits in storefront pages and may do little. */
export type ApiKeyKind = 'secret' | 'publishable';

/** A stored API key. Secret keys are kept only as a hash; publishable keys also in clear, as they are public. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly kind: ApiKeyKind;
  /** SHA-256 of the key, hex. */
  readonly hash: string;
  /** The key itself, for publishable keys only. */
  readonly publishableKey?: string;
  readonly label: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Epoch milliseconds; a revoked key authenticates nothing. */
  readonly revokedAt?: number;
}

export interface KeyStore {
  insertKey(record: ApiKeyRecord): Promise<void>;
  /** Every key, revoked ones included. */
  listKeys(): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked at `at`; false when there is no such key or it was already revoked. */
  /**
   * Revokes the key from `at` on (a future instant retires it then: a rotation's grace period).
   * False when there is no such key or it is revoked by `at` already; with `onlyIfUnscheduled`,
   * also when it has any revocation, past or scheduled (what a rotation claims).
   */
  revokeKey(id: string, at: number, options?: { readonly onlyIfUnscheduled?: boolean }): Promise<boolean>;
}

/** Small store-wide settings (flags, generated secrets) shared by every node. */
export interface SettingsStore {
  getSetting(key: string): Promise<string | undefined>;
  /** Stores `value` unless the key is already set; resolves to the value that is stored afterwards. */
  setSettingOnce(key: string, value: string): Promise<string>;
  setSetting(key: string, value: string): Promise<void>;
}
