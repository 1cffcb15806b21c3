import { accessCapability } from './access.js';
import { analyticsCapability } from './analytics.js';
import { catalogCapability } from './catalog.js';
import { consolePageCapability } from './console-page.js';
import { contentCapability } from './content.js';
import { decideCapability } from './decide.js';
import { demoCapability } from './demo.js';
import { experimentsCapability } from './experiments.js';
import { journeysCapability } from './journeys.js';
import { listingsCapability } from './listings.js';
import { liveCapability } from './live.js';
import { pricingCapability } from './pricing.js';
import { profilesCapability } from './profiles.js';
import { promotionsCapability } from './promotions.js';
import { recommendationsCapability } from './recommendations.js';
import { rulesCapability } from './rules.js';
import { systemCapability } from './system.js';

/**
 * What a node is made of, one capability per entry (each wired in `src/composition/<name>.ts`,
 * which says what it needs). They are built and started after what they need, stopped before it;
 * their routes are installed in that order.
 */
export const NODE_CAPABILITIES = {
  system: systemCapability,
  access: accessCapability,
  catalog: catalogCapability,
  profiles: profilesCapability,
  rules: rulesCapability,
  pricing: pricingCapability,
  promotions: promotionsCapability,
  experiments: experimentsCapability,
  recommendations: recommendationsCapability,
  content: contentCapability,
  listings: listingsCapability,
  decide: decideCapability,
  analytics: analyticsCapability,
  journeys: journeysCapability,
  live: liveCapability,
  demo: demoCapability,
  consolePage: consolePageCapability,
};
