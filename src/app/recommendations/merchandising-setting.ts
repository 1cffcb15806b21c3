import type { Merchandising } from '../../domain/recommendations/index.js';
import type { SettingsStore } from '../../ports/store.js';

/** Merchandising is one small document, kept with the store-wide settings every node reads. */
const KEY = 'recommendations.rules';

export async function readMerchandising(store: SettingsStore): Promise<Merchandising> {
  const stored = await store.getSetting(KEY);
  return stored === undefined ? {} : (JSON.parse(stored) as Merchandising);
}

export async function writeMerchandising(store: SettingsStore, merchandising: Merchandising): Promise<void> {
  await store.setSetting(KEY, JSON.stringify(merchandising));
}
