import type { Store } from '../../ports/store.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import { importProducts, type ImportRow, type ProductRecordValidator } from '../catalog/product-import.js';
import type { EventIngestion } from '../profiles/event-ingestion.js';
import { withDemoMedia } from './demo-media.js';
import { replayDemoOrders, type DemoInvoice } from './replay-orders.js';

export interface DemoSource {
  /** Currency of the demo data's prices. */
  readonly currency: string;
  catalogueRows(): AsyncIterable<ImportRow>;
  invoices(): Promise<DemoInvoice[]>;
}

export interface DemoDeps {
  readonly store: Store;
  readonly catalog: CatalogService;
  readonly ingestion: EventIngestion;
  readonly now: () => number;
  readonly validate: ProductRecordValidator;
  readonly storeCurrency: string;
  readonly log: (message: string) => void;
  /** Sets up the demo's segments, prices, promotions and content; must be safe to run again. */
  readonly merchandise: () => Promise<void>;
}

const LOADING = 'demo.loading';
const LOADED = 'demo.loaded';

/** Whether this store holds the demo (loaded in full), rather than a shop's own data. */
export async function holdsDemoStore(store: Pick<Store, 'getSetting'>): Promise<boolean> {
  return (await store.getSetting(LOADED)) !== undefined;
}

/**
 * Loads the demo store (the real Online Retail catalogue, then its customers' orders replayed as
 * events) into an empty store, once. An interrupted
 * load resumes on the next start (every write is an upsert); a store that already had data of its
 * own is never touched.
 */
export async function loadDemoStoreIfEmpty(source: DemoSource, deps: DemoDeps): Promise<boolean> {
  const { store } = deps;
  if ((await store.getSetting(LOADED)) !== undefined) return false;
  const resuming = (await store.getSetting(LOADING)) !== undefined;
  if (!resuming && (await store.countProducts()) > 0) return false;
  if (source.currency !== deps.storeCurrency) {
    deps.log(
      `demo store skipped: its prices are in ${source.currency}, the store currency is ${deps.storeCurrency}`,
    );
    return false;
  }
  await store.setSetting(LOADING, new Date(deps.now()).toISOString());
  const summary = await importProducts(withMedia(source.catalogueRows()), deps.catalog, {
    validate: deps.validate,
    currency: deps.storeCurrency,
  });
  // Before the replay, so the history places customers in the demo's segments as it goes.
  await deps.merchandise();
  const events = await replayDemoOrders(await source.invoices(), deps.ingestion, deps.now());
  await store.setSetting(LOADED, new Date(deps.now()).toISOString());
  deps.log(
    `demo store loaded: ${summary.imported} products, ${events} events replayed (${summary.rejected.length} rows rejected)`,
  );
  return true;
}

/** The catalogue's rows with the demo's handles and placeholder pictures (see demo-media.ts). */
async function* withMedia(rows: AsyncIterable<ImportRow>): AsyncIterable<ImportRow> {
  for await (const row of rows) yield 'record' in row ? { ...row, record: withDemoMedia(row.record) } : row;
}
