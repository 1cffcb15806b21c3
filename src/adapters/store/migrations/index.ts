import type { Migration, MigrationProvider } from 'kysely';
import { catalogAndKeys } from './0001-catalog-and-keys.js';
import { eventsAndProfiles } from './0002-events-and-profiles.js';
import { segmentsAndWebhooks } from './0003-segments-and-webhooks.js';
import { pricing } from './0004-pricing.js';
import { promotions } from './0005-promotions.js';
import { content } from './0006-content.js';
import { decisions } from './0007-decisions.js';
import { decisionsByProfile } from './0008-decisions-by-profile.js';
import { erasureLinks } from './0009-erasure-links.js';
import { relayedMessages } from './0010-relayed-messages.js';
import { experiments } from './0011-experiments.js';
import { derivedStateSnapshots } from './0012-derived-state-snapshots.js';
import { analyticsDaily } from './0013-analytics-daily.js';
import { journeys } from './0014-journeys.js';
import { consoleTables } from './0015-console.js';
import { profileOrderValues } from './0017-profile-order-values.js';
import { closeDeletedBasePrices } from './0022-close-deleted-base-prices.js';
import { eventsByProfileAndName } from './0023-events-by-profile-and-name.js';

/**
 * Every migration, in order. Listed in code rather than read from a folder so the compiled service
 * carries them; names sort in the order they must run and are never renamed once released.
 */
const migrations: Record<string, Migration> = {
  '0001-catalog-and-keys': catalogAndKeys,
  '0002-events-and-profiles': eventsAndProfiles,
  '0003-segments-and-webhooks': segmentsAndWebhooks,
  '0004-pricing': pricing,
  '0005-promotions': promotions,
  '0006-content': content,
  '0007-decisions': decisions,
  '0008-decisions-by-profile': decisionsByProfile,
  '0009-erasure-links': erasureLinks,
  '0010-relayed-messages': relayedMessages,
  '0011-experiments': experiments,
  '0012-derived-state-snapshots': derivedStateSnapshots,
  '0013-analytics-daily': analyticsDaily,
  '0014-journeys': journeys,
  '0015-console': consoleTables,
  '0017-profile-order-values': profileOrderValues,
  '0022-close-deleted-base-prices': closeDeletedBasePrices,
  '0023-events-by-profile-and-name': eventsByProfileAndName,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
