/** Settings kept beside their feature, gathered for `SETTINGS` (schema.ts), which lists them with the others. */
import { JOURNEY_SETTINGS } from './journey-settings.js';
import { SNAPSHOT_SETTINGS } from './snapshot-settings.js';

export const FEATURE_SETTINGS = [...SNAPSHOT_SETTINGS, ...JOURNEY_SETTINGS] as const;
