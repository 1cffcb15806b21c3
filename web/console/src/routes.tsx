/** The console's pages, by the hash they live at (`#/segments`): one list for the menu and the router. */
import type { FunctionComponent } from 'preact';
import { AuditPage } from './pages/audit.js';
import { CataloguePage } from './pages/catalogue.js';
import { ContentPage } from './pages/content.js';
import { DashboardPage } from './pages/dashboard.js';
import { ExperimentsPage } from './pages/experiments.js';
import { KeysPage } from './pages/keys.js';
import { LiveEventsPage } from './pages/live-events.js';
import { PreviewPage } from './pages/preview.js';
import { PriceListsPage } from './pages/price-lists.js';
import { PromotionsPage } from './pages/promotions.js';
import { SegmentsPage } from './pages/segments.js';
import { LoyaltyPage, RulesPage } from './pages/settings.js';
import { WebhooksPage } from './pages/webhooks.js';

export interface Route {
  readonly path: string;
  readonly label: string;
  readonly page: FunctionComponent;
  /** Shown only to admins (users and keys are theirs alone). */
  readonly adminOnly?: boolean;
}

export const ROUTES: readonly Route[] = [
  { path: '/', label: 'Dashboard', page: DashboardPage },
  { path: '/catalogue', label: 'Catalogue', page: CataloguePage },
  { path: '/segments', label: 'Segments', page: SegmentsPage },
  { path: '/loyalty', label: 'Loyalty', page: LoyaltyPage },
  { path: '/price-lists', label: 'Price lists', page: PriceListsPage },
  { path: '/promotions', label: 'Promotions', page: PromotionsPage },
  { path: '/content', label: 'Content slots', page: ContentPage },
  { path: '/rules', label: 'Rules', page: RulesPage },
  { path: '/experiments', label: 'Experiments', page: ExperimentsPage },
  { path: '/preview', label: 'Preview as a customer', page: PreviewPage },
  { path: '/webhooks', label: 'Webhooks', page: WebhooksPage },
  { path: '/events', label: 'Live events', page: LiveEventsPage },
  { path: '/audit', label: 'Audit log', page: AuditPage },
  { path: '/keys', label: 'API keys', page: KeysPage, adminOnly: true },
];

export function routeOf(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  return ROUTES.find((route) => route.path === path) ?? (ROUTES[0] as Route);
}
