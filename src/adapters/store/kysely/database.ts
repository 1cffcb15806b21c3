/** Table shapes shared by the SQLite and PostgreSQL stores. Times are epoch milliseconds. */
export interface Database {
  products: VersionedTable;
  inventory: InventoryTable;
  collections: VersionedTable;
  api_keys: ApiKeyTable;
  settings: SettingTable;
}

/** Products and collections share one shape: the record as JSON, a version for `If-Match`, a time. */
export interface VersionedTable {
  id: string;
  /** The draft as JSON (everything but id, version and time). */
  doc: string;
  version: number;
  updated_at: number;
}

export interface InventoryTable {
  product_id: string;
  location: string;
  available: number;
  updated_at: number;
}

export interface ApiKeyTable {
  id: string;
  kind: string;
  key_hash: string;
  publishable_key: string | null;
  label: string;
  created_at: number;
}

export interface SettingTable {
  key: string;
  value: string;
}
