/**
 * Generated from the OpenAPI document by `npm run client:generate`; do not edit.
 * A test fails when it is out of date.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["checkHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: store and bus reachable, start-up finished */
        get: operations["checkReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every API key, revoked ones included; never a secret key itself */
        get: operations["listKeys"];
        put?: never;
        /** Create an API key; the answer shows it this once */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}:rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate an API key: a new key now, the old one working for a grace period (24h unless told) */
        post: operations["rotateKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key, on every node */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every console user */
        get: operations["listUsers"];
        put?: never;
        /** Create a console user (admin, editor or viewer) */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a console user and end their sessions */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes to merchant objects, newest first: who, when, what, before and after */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in to the console: sets the session cookie and answers its CSRF token */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in with this session cookie, and the session's CSRF token */
        get: operations["getCurrentSession"];
        put?: never;
        post?: never;
        /** Sign out: ends the session on every node (needs x-csrf-token) */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a product */
        get: operations["getProduct"];
        /** Create or replace a product */
        put: operations["putProduct"];
        post?: never;
        /** Delete a product and its stock records */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products in id order, filtered */
        get: operations["listProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products:batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or replace up to 1,000 products atomically
         * @description Every item is validated first; one bad item rejects the batch and nothing is written.
         */
        post: operations["putProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the units available of a product at a location
         * @description A product with no stock record counts as available; 0 everywhere removes it from listings at once.
         */
        put: operations["putInventory"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a collection */
        get: operations["getCollection"];
        /** Create or replace a collection: manual (productIds) or rule-based (filter) */
        put: operations["putCollection"];
        post?: never;
        /** Delete a collection */
        delete: operations["deleteCollection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List collections */
        get: operations["listCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{id}/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collection's active products, in its display order */
        get: operations["listCollectionProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record one track call */
        post: operations["track"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record one identify call */
        post: operations["identify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record one page call */
        post: operations["page"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record one screen call */
        post: operations["screen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record one group call */
        post: operations["group"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alias": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record one alias call */
        post: operations["alias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record up to 500 events; each stands alone
         * @description Valid events are stored, invalid ones are listed by index with a code and pointer (200). A malformed envelope stores nothing (400 or 413).
         */
        post: operations["batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer profile, by userId or anonymousId */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        /** Erase a known customer (GDPR erasure) and answer a receipt */
        delete: operations["eraseProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles/{id}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record consent for personalisation and analytics
         * @description For a known customer (userId) or an anonymous visitor (anonymousId). Recorded even when analytics is refused.
         */
        put: operations["putConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/profiles/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about a known customer (GDPR export) */
        get: operations["exportProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mint a customer token so a browser can act as this customer */
        post: operations["issueCustomerToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-tokens:revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every token of a customer issued before now (a stolen or signed-out browser's) */
        post: operations["revokeCustomerTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A segment, its back-fill progress and member count */
        get: operations["getSegment"];
        /** Create or replace a segment; it is back-filled over existing profiles */
        put: operations["putSegment"];
        post?: never;
        /** Delete a segment no other segment uses */
        delete: operations["deleteSegment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every segment */
        get: operations["listSegments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A segment's members, paginated */
        get: operations["listSegmentMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/loyalty/program": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The loyalty program and its back-fill progress */
        get: operations["getLoyaltyProgram"];
        /** Set the store's loyalty program; points and tiers are recomputed for every customer */
        put: operations["putLoyaltyProgram"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook */
        get: operations["getWebhook"];
        /** Subscribe a URL to segment and loyalty events, signed per Standard Webhooks */
        put: operations["putWebhook"];
        post?: never;
        /** Delete a webhook and its undelivered messages */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook */
        get: operations["listWebhooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's messages and how their delivery went */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An experiment */
        get: operations["getExperiment"];
        /**
         * Create or replace an experiment
         * @description Variants, weights, seed and layer of a running experiment cannot change (409 experiment_running): stop it and start a new one. Name, schedule, audience and status may.
         */
        put: operations["putExperiment"];
        post?: never;
        /** Delete an experiment with its assignments and totals */
        delete: operations["deleteExperiment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every experiment, by id, paginated */
        get: operations["listExperiments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/experiments/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An experiment's results: per variant, and each beside the control on the experiment's metric
         * @description Computed from running per-variant totals, never from a scan of exposures. Revenue is in the store currency; vsControl is absent for the control and whenever a comparison cannot be made yet.
         */
        get: operations["getExperimentResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A price list */
        get: operations["getPriceList"];
        /** Create or replace a price list (sale or override, audience, tiers or a rule) */
        put: operations["putPriceList"];
        post?: never;
        /** Delete a price list */
        delete: operations["deletePriceList"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every price list */
        get: operations["listPriceLists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prices:resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The unit prices a customer pays, each explained (what the listing shows is what the cart charges)
         * @description A publishable key gets contract and personal prices only with a customer token for that customer (X-Customer-Token); otherwise public prices. A product without a price in the currency answers error price_unavailable: never converted.
         */
        post: operations["resolvePrices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A promotion */
        get: operations["getPromotion"];
        /** Create or replace a promotion (audience, conditions, action, stacking, limits, coupon) */
        put: operations["putPromotion"];
        post?: never;
        /** Delete a promotion, its codes and its usage */
        delete: operations["deletePromotion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every promotion */
        get: operations["listPromotions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promotions/{id}/coupons:generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate unguessable coupon codes (up to 100,000 per call)
         * @description Codes are 12 characters of Crockford base 32 (60 random bits) after an optional prefix; single-use unless singleUse is false.
         */
        post: operations["generateCoupons"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/carts:evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate a cart: prices, promotions, discounts, totals, what applied and why, what did not, and nudges
         * @description No side effects. Promotions run in the documented order (docs/promotions.md).
         */
        post: operations["evaluateCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The promotions this customer can get now, with what is still missing for each */
        post: operations["getOffers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's recorded orders, newest first (userId, else anonymousId) */
        get: operations["listOrders"];
        put?: never;
        /**
         * Record a completed order: re-evaluates the cart and redeems codes, budgets and limits atomically
         * @description Idempotent by orderId. A code the customer entered that has hit a limit answers 409 (coupon_redeemed, budget_exhausted, customer_limit); an automatic promotion that has simply stops applying. The order also counts in the profile as an Order Completed, once.
         */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One recorded order: its lines, discounts and total as recorded, and when it was placed */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Products for this customer now, by strategy, each with its score and reason
         * @description Never out-of-stock or archived products, the product on the page or what is in the cart. When the strategy knows too little (a new customer, a new product), popular products fill the list and the answer says fallback: "popular". for-you follows the customer's own events at once and other customers' events at most 5 seconds late.
         */
        post: operations["recommend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recommendations/models:rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild the heavier models from the event log now; answers once the new models serve */
        post: operations["rebuildRecommendationModels"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recommendations/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchandising rules in force */
        get: operations["getRecommendationRules"];
        /** Merchandising for every list: boosts, pins, diversity, which strategies may repeat purchases */
        put: operations["putRecommendationRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/slots/{slot}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A content slot and its variants */
        get: operations["getContentSlot"];
        /** Create or replace a content slot: targeted, scheduled variants and a default */
        put: operations["putContentSlot"];
        post?: never;
        /** Delete a content slot */
        delete: operations["deleteContentSlot"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content:resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The variant each named slot shows this customer now, and why
         * @description A slot that does not exist is left out of the answer.
         */
        post: operations["resolveContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A category or text-query listing ranked for this customer, priced as the cart charges
         * @description Ranked by relevance, the customer’s category and brand affinities (with consent), popularity and margin; out-of-stock products last. Follow nextCursor for the next page: no product appears twice and none is skipped, even when events reorder the listing between pages.
         */
        post: operations["getListing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/listings/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The listing rules in force */
        get: operations["getListingRules"];
        /**
         * How listings rank (signal weights) and which products each listing pins first
         * @description Pinned products come first in the order given, in the listing they are pinned to, while they are active and in stock; after that they rank like any other. The rules apply to every listing and decide at once.
         */
        put: operations["putListingRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One page: listing, prices, offers, recommendations, content and cart, for this customer now
         * @description Every part reads the same customer context: the price a listing shows is the unit price the cart charges. Without personalisation consent (or a customer token, with a publishable key) personalized is false and the answer is what an anonymous visitor in the same context gets. The decisionId may be cited by later events.
         */
        post: operations["decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Impressions, clicks, CTR, attributed orders and revenue, discount cost and the holdout uplift
         * @description Summed over whole UTC days. An order is attributed to the customer’s last decision in the 24 hours before it (docs/analytics.md); money is in the store currency.
         */
        get: operations["getAnalyticsOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One metric per UTC day
         * @description One point per day of the range, 0 on days with nothing; `ctr` is 0 on days without impressions. `segment_size` (with `segment`) is the segment’s member count at the end of each day (today: now).
         */
        get: operations["getAnalyticsTimeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A journey */
        get: operations["getJourney"];
        /**
         * Create or replace a journey
         * @description A trigger, an optional audience and holdout, and steps each sending a journey.message webhook. What a journey names (webhooks, promotions, segments, strategies, content slots) must exist.
         */
        put: operations["putJourney"];
        post?: never;
        /** Delete a journey and its steps still waiting */
        delete: operations["deleteJourney"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every journey, by id, paginated */
        get: operations["listJourneys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A journey's outcomes: sent, held out, skipped by reason, coupons redeemed, orders, revenue
         * @description With a holdout, the messaged and held-out customers are compared on conversion.
         */
        get: operations["getJourneyStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/{id}:simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The message a customer would get from the first step now (or at `at`): nothing sent
         * @description No coupon is generated: the message shows a placeholder code.
         */
        post: operations["simulateJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/journeys/messages/{userId}/last": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last journey message a customer was sent, or null (the demo storefront shows it) */
        get: operations["getLastJourneyMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live changes for an open page (Server-Sent Events)
         * @description Pushes price.changed, stock.changed, offer.unlocked and segment.entered for this customer, for the products the page names plus their cart and recent views. A new stream starts with `ready`; a browser reconnecting with Last-Event-ID gets what it missed, or `resync` when that is no longer known (fetch the page again). Comment lines keep idle connections open. key and token may be query parameters, since EventSource cannot send headers (a publishable key only). country, channel and device are the page context, as decide gets it.
         */
        get: operations["openStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The events this node stores, live (Server-Sent Events), starting with the last ones it kept
         * @description Each stored event comes as `event: event` with its type, name, ids, times, properties and traits. Events are kept in memory per node: with several nodes, each shows those it ingested.
         */
        get: operations["tailEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    checkHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    checkReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            kind: "secret" | "publishable";
                            label: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            revokedAt?: string;
                            /** @description publishable keys only: they are public */
                            publishableKey?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "secret" | "publishable";
                    label: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: "secret" | "publishable";
                        label: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        revokedAt?: string;
                        /** @description publishable keys only: they are public */
                        publishableKey?: string;
                        /** @description the key itself: shown this once, store it now */
                        key: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    rotateKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a key id, as GET /v1/keys lists it */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description how long the old key still works: 0 (it stops now), minutes, hours or days, at most 30d
                     * @default 24h
                     * @example 24h
                     */
                    gracePeriod?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: "secret" | "publishable";
                        label: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        revokedAt?: string;
                        /** @description publishable keys only: they are public */
                        publishableKey?: string;
                        /** @description the key itself: shown this once, store it now */
                        key: string;
                        /** @description the old key and when it stops */
                        replaces: {
                            id: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            revokedAt: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a key id, as GET /v1/keys lists it */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            email: string;
                            /** @description viewer: reads; editor: also merchant objects; admin: also users and keys */
                            role: "admin" | "editor" | "viewer";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @description 12 to 256 characters */
                    password: string;
                    /** @description viewer: reads; editor: also merchant objects; admin: also users and keys */
                    role: "admin" | "editor" | "viewer";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** @description viewer: reads; editor: also merchant objects; admin: also users and keys */
                        role: "admin" | "editor" | "viewer";
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a user id, as GET /v1/users lists it */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                /** @description `<type>` or `<type>:<id>`, such as `promotion` or `promotion:summer` */
                resource?: string;
                /** @description a user id or key id */
                actor?: string;
                /** @description page size, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            at: string;
                            actor: {
                                type: "user" | "key";
                                id: string;
                            };
                            action: "create" | "update" | "delete";
                            resource: {
                                type: string;
                                id: string;
                            };
                            before: unknown;
                            after: unknown;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            email: string;
                            /** @description viewer: reads; editor: also merchant objects; admin: also users and keys */
                            role: "admin" | "editor" | "viewer";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        expiresAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        idleExpiresAt?: string;
                        csrf?: {
                            /** @description the header every change made with this session must carry */
                            header: string;
                            /** @description answered once, at sign-in */
                            token: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getCurrentSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            email: string;
                            /** @description viewer: reads; editor: also merchant objects; admin: also users and keys */
                            role: "admin" | "editor" | "viewer";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        expiresAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        idleExpiresAt?: string;
                        csrf?: {
                            /** @description the header every change made with this session must carry */
                            header: string;
                            /** @description answered once, at sign-in */
                            token: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        description?: string;
                        groupId?: string;
                        handle?: string;
                        images?: {
                            url: string;
                            alt: string;
                        }[];
                        categories: string[];
                        brand?: string;
                        /** @description free attributes: a scalar or a list of scalars each */
                        attributes: {
                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        price: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        cost?: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        status: "active" | "archived";
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        /** @description true when untracked or any location has stock */
                        inStock: boolean;
                        /** @description units across locations; absent when untracked */
                        available?: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description?: string;
                    /**
                     * @description variants of one product share it
                     * @example 85123A
                     */
                    groupId?: string;
                    /**
                     * @description lower-case words joined by hyphens, as a storefront URL uses them
                     * @example white-hanging-heart-t-light-holder
                     */
                    handle?: string;
                    /** @description the first is the main one */
                    images?: {
                        /**
                         * @description http(s) or root-relative URL
                         * @example /demo/images/home-candles-white.svg
                         */
                        url: string;
                        /** @description defaults to the title */
                        alt?: string;
                    }[];
                    /** @description slash-separated paths such as home/kitchen/mugs; stored lower-case */
                    categories?: string[];
                    brand?: string;
                    /** @description free attributes: a scalar or a list of scalars each */
                    attributes?: {
                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                    };
                    /** @description money in integer minor units of an ISO 4217 currency */
                    price: {
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        amount: number;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                    };
                    /** @description money in integer minor units of an ISO 4217 currency */
                    cost?: {
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        amount: number;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                    };
                    status?: "active" | "archived";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        description?: string;
                        groupId?: string;
                        handle?: string;
                        images?: {
                            url: string;
                            alt: string;
                        }[];
                        categories: string[];
                        brand?: string;
                        /** @description free attributes: a scalar or a list of scalars each */
                        attributes: {
                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        price: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        cost?: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        status: "active" | "archived";
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        /** @description true when untracked or any location has stock */
                        inStock: boolean;
                        /** @description units across locations; absent when untracked */
                        available?: number;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        description?: string;
                        groupId?: string;
                        handle?: string;
                        images?: {
                            url: string;
                            alt: string;
                        }[];
                        categories: string[];
                        brand?: string;
                        /** @description free attributes: a scalar or a list of scalars each */
                        attributes: {
                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        price: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        cost?: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        status: "active" | "archived";
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        /** @description true when untracked or any location has stock */
                        inStock: boolean;
                        /** @description units across locations; absent when untracked */
                        available?: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description a category path; its descendants count */
                category?: string;
                brand?: string;
                inStock?: boolean;
                status?: "active" | "archived";
                /** @description page size, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            title: string;
                            description?: string;
                            groupId?: string;
                            handle?: string;
                            images?: {
                                url: string;
                                alt: string;
                            }[];
                            categories: string[];
                            brand?: string;
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            price: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            cost?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            status: "active" | "archived";
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                            /** @description true when untracked or any location has stock */
                            inStock: boolean;
                            /** @description units across locations; absent when untracked */
                            available?: number;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        id: string;
                        title: string;
                        description?: string;
                        /**
                         * @description variants of one product share it
                         * @example 85123A
                         */
                        groupId?: string;
                        /**
                         * @description lower-case words joined by hyphens, as a storefront URL uses them
                         * @example white-hanging-heart-t-light-holder
                         */
                        handle?: string;
                        /** @description the first is the main one */
                        images?: {
                            /**
                             * @description http(s) or root-relative URL
                             * @example /demo/images/home-candles-white.svg
                             */
                            url: string;
                            /** @description defaults to the title */
                            alt?: string;
                        }[];
                        /** @description slash-separated paths such as home/kitchen/mugs; stored lower-case */
                        categories?: string[];
                        brand?: string;
                        /** @description free attributes: a scalar or a list of scalars each */
                        attributes?: {
                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        price: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        cost?: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        status?: "active" | "archived";
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putInventory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description units available; 0 = sold out */
                    available: number;
                    /**
                     * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                     * @example 85123A
                     */
                    location?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        productId: string;
                        location: string;
                        available: number;
                        inStock: boolean;
                        totalAvailable: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        description?: string;
                        productIds?: string[];
                        filter?: {
                            productIds?: string[];
                            categories?: string[];
                            brands?: string[];
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                            price?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte?: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                lte?: number;
                            };
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description?: string;
                    /** @description manual collection, in display order */
                    productIds?: string[];
                    filter?: {
                        productIds?: string[];
                        categories?: string[];
                        brands?: string[];
                        /** @description free attributes: a scalar or a list of scalars each */
                        attributes?: {
                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                        };
                        price?: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            gte?: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            lte?: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        description?: string;
                        productIds?: string[];
                        filter?: {
                            productIds?: string[];
                            categories?: string[];
                            brands?: string[];
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                            price?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte?: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                lte?: number;
                            };
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        description?: string;
                        productIds?: string[];
                        filter?: {
                            productIds?: string[];
                            categories?: string[];
                            brands?: string[];
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                            price?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte?: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                lte?: number;
                            };
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listCollections: {
        parameters: {
            query?: {
                /** @description page size, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            title: string;
                            description?: string;
                            productIds?: string[];
                            filter?: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                                price?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    gte?: number;
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    lte?: number;
                                };
                            };
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listCollectionProducts: {
        parameters: {
            query?: {
                /** @description page size, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            title: string;
                            description?: string;
                            groupId?: string;
                            handle?: string;
                            images?: {
                                url: string;
                                alt: string;
                            }[];
                            categories: string[];
                            brand?: string;
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            price: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            cost?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            status: "active" | "archived";
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                            /** @description true when untracked or any location has stock */
                            inStock: boolean;
                            /** @description units across locations; absent when untracked */
                            available?: number;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    track: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description a Segment-spec event; see docs */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        rejected: {
                            index: number;
                            code: string;
                            pointer: string;
                            detail: string;
                        }[];
                        /** @description a known customer's consent, traits or id links, sent without their customer token */
                        ignored: {
                            index: number;
                            /** @enum {string} */
                            reason: "customer_token_required";
                            /** @description the part left out: /context/consent, /traits, /anonymousId, /previousId */
                            pointer: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    identify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description a Segment-spec event; see docs */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        rejected: {
                            index: number;
                            code: string;
                            pointer: string;
                            detail: string;
                        }[];
                        /** @description a known customer's consent, traits or id links, sent without their customer token */
                        ignored: {
                            index: number;
                            /** @enum {string} */
                            reason: "customer_token_required";
                            /** @description the part left out: /context/consent, /traits, /anonymousId, /previousId */
                            pointer: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description a Segment-spec event; see docs */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        rejected: {
                            index: number;
                            code: string;
                            pointer: string;
                            detail: string;
                        }[];
                        /** @description a known customer's consent, traits or id links, sent without their customer token */
                        ignored: {
                            index: number;
                            /** @enum {string} */
                            reason: "customer_token_required";
                            /** @description the part left out: /context/consent, /traits, /anonymousId, /previousId */
                            pointer: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    screen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description a Segment-spec event; see docs */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        rejected: {
                            index: number;
                            code: string;
                            pointer: string;
                            detail: string;
                        }[];
                        /** @description a known customer's consent, traits or id links, sent without their customer token */
                        ignored: {
                            index: number;
                            /** @enum {string} */
                            reason: "customer_token_required";
                            /** @description the part left out: /context/consent, /traits, /anonymousId, /previousId */
                            pointer: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    group: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description a Segment-spec event; see docs */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        rejected: {
                            index: number;
                            code: string;
                            pointer: string;
                            detail: string;
                        }[];
                        /** @description a known customer's consent, traits or id links, sent without their customer token */
                        ignored: {
                            index: number;
                            /** @enum {string} */
                            reason: "customer_token_required";
                            /** @description the part left out: /context/consent, /traits, /anonymousId, /previousId */
                            pointer: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    alias: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description a Segment-spec event; see docs */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        rejected: {
                            index: number;
                            code: string;
                            pointer: string;
                            detail: string;
                        }[];
                        /** @description a known customer's consent, traits or id links, sent without their customer token */
                        ignored: {
                            index: number;
                            /** @enum {string} */
                            reason: "customer_token_required";
                            /** @description the part left out: /context/consent, /traits, /anonymousId, /previousId */
                            pointer: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    batch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description up to 500 events */
                    batch: unknown[];
                    writeKey?: string;
                    sentAt?: unknown;
                    context?: unknown;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        rejected: {
                            index: number;
                            code: string;
                            pointer: string;
                            detail: string;
                        }[];
                        /** @description a known customer's consent, traits or id links, sent without their customer token */
                        ignored: {
                            index: number;
                            /** @enum {string} */
                            reason: "customer_token_required";
                            /** @description the part left out: /context/consent, /traits, /anonymousId, /previousId */
                            pointer: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string | null;
                        anonymousIds: string[];
                        traits: {
                            [key: string]: unknown;
                        };
                        computed: {
                            orderCount: number;
                            /** @description minor units per currency */
                            lifetimeValue: {
                                [key: string]: number;
                            };
                            /** @description minor units per currency */
                            averageOrderValue: {
                                [key: string]: number;
                            };
                            firstOrderAt: string | null;
                            lastOrderAt: string | null;
                            firstSeenAt: string | null;
                            lastSeenAt: string | null;
                            rfm: {
                                recency: number;
                                frequency: number;
                                monetary: number;
                            } | null;
                            affinities: {
                                categories: {
                                    key: string;
                                    score: number;
                                }[];
                                brands: {
                                    key: string;
                                    score: number;
                                }[];
                            };
                            recentlyViewed: string[];
                            cart: {
                                items: {
                                    productId: string;
                                    quantity: number;
                                }[];
                            };
                            preferredChannel: string | null;
                            preferredDevice: string | null;
                        };
                        segments: string[];
                        loyalty: {
                            points: number;
                            tier: string | null;
                            next: {
                                tier: string;
                                pointsNeeded?: number;
                                spendNeeded?: number;
                            } | null;
                        };
                        consent: {
                            personalization: boolean;
                            analytics: boolean;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    eraseProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        receiptId: string;
                        userId: string;
                        /** Format: date-time */
                        erasedAt: string;
                        removed: {
                            profiles: number;
                            identities: number;
                            events: number;
                            orders: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    personalization?: boolean;
                    analytics?: boolean;
                    /** @description messages journeys send (e-mail, push) */
                    marketing?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string | null;
                        anonymousIds: string[];
                        traits: {
                            [key: string]: unknown;
                        };
                        computed: {
                            orderCount: number;
                            /** @description minor units per currency */
                            lifetimeValue: {
                                [key: string]: number;
                            };
                            /** @description minor units per currency */
                            averageOrderValue: {
                                [key: string]: number;
                            };
                            firstOrderAt: string | null;
                            lastOrderAt: string | null;
                            firstSeenAt: string | null;
                            lastSeenAt: string | null;
                            rfm: {
                                recency: number;
                                frequency: number;
                                monetary: number;
                            } | null;
                            affinities: {
                                categories: {
                                    key: string;
                                    score: number;
                                }[];
                                brands: {
                                    key: string;
                                    score: number;
                                }[];
                            };
                            recentlyViewed: string[];
                            cart: {
                                items: {
                                    productId: string;
                                    quantity: number;
                                }[];
                            };
                            preferredChannel: string | null;
                            preferredDevice: string | null;
                        };
                        segments: string[];
                        loyalty: {
                            points: number;
                            tier: string | null;
                            next: {
                                tier: string;
                                pointsNeeded?: number;
                                spendNeeded?: number;
                            } | null;
                        };
                        consent: {
                            personalization: boolean;
                            analytics: boolean;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    exportProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    issueCustomerToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: string;
                    /** @description default 3600 */
                    ttlSeconds?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    revokeCustomerTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        /**
                         * Format: date-time
                         * @description tokens issued before this are refused
                         */
                        revokedBefore: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description?: string;
                        rule: unknown;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        backfill?: {
                            status: "running" | "done" | "failed";
                            processed: number;
                            total: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            startedAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            finishedAt?: string;
                            error?: string;
                        };
                        /** @description current member count */
                        members?: number;
                        /** @description reads the request context: evaluated at decision time, never stored */
                        contextual: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /** @description a rule node: { all: [..] } | { any: [..] } | { not: node } | { trait: "traits.country", op, value } | { event: "Order Completed", within: "30d", where?: {...}, count?: { gte: 2 } | sum?: { property, gte } } | { context: "device", op, value } | { segment: "other-id" }; ops: eq neq in nin gt gte lt lte exists contains startsWith */
                    rule: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description?: string;
                        rule: unknown;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        backfill?: {
                            status: "running" | "done" | "failed";
                            processed: number;
                            total: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            startedAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            finishedAt?: string;
                            error?: string;
                        };
                        /** @description current member count */
                        members?: number;
                        /** @description reads the request context: evaluated at decision time, never stored */
                        contextual: boolean;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description?: string;
                        rule: unknown;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        backfill?: {
                            status: "running" | "done" | "failed";
                            processed: number;
                            total: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            startedAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            finishedAt?: string;
                            error?: string;
                        };
                        /** @description current member count */
                        members?: number;
                        /** @description reads the request context: evaluated at decision time, never stored */
                        contextual: boolean;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listSegments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            description?: string;
                            rule: unknown;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                            backfill?: {
                                status: "running" | "done" | "failed";
                                processed: number;
                                total: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC
                                 */
                                finishedAt?: string;
                                error?: string;
                            };
                            /** @description current member count */
                            members?: number;
                            /** @description reads the request context: evaluated at decision time, never stored */
                            contextual: boolean;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listSegmentMembers: {
        parameters: {
            query?: {
                /** @description page size, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            userId: string | null;
                            anonymousIds: string[];
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            since: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getLoyaltyProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                        /** @description points per whole currency unit spent */
                        pointsPerUnit: number;
                        /** @description rolling window for minSpend tiers, e.g. 365d */
                        spendWindow?: string;
                        /** @description from the lowest tier up */
                        tiers: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            id: string;
                            minPoints?: number;
                            /** @description minor units spent within spendWindow */
                            minSpend?: number;
                            /** @description read by pricing and promotions, e.g. { percentOff: 5 } */
                            perks: {
                                /** @description percent off every price for this tier */
                                percentOff?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        }[];
                        backfill?: {
                            status: "running" | "done" | "failed";
                            processed: number;
                            total: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            startedAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            finishedAt?: string;
                            error?: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putLoyaltyProgram: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency: string;
                    /** @description points per whole currency unit spent */
                    pointsPerUnit: number;
                    /** @description rolling window for minSpend tiers, e.g. 365d */
                    spendWindow?: string;
                    /** @description from the lowest tier up */
                    tiers: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        id: string;
                        minPoints?: number;
                        /** @description minor units spent within spendWindow */
                        minSpend?: number;
                        /** @description read by pricing and promotions, e.g. { percentOff: 5 } */
                        perks: {
                            /** @description percent off every price for this tier */
                            percentOff?: number;
                        } & {
                            [key: string]: unknown;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                        /** @description points per whole currency unit spent */
                        pointsPerUnit: number;
                        /** @description rolling window for minSpend tiers, e.g. 365d */
                        spendWindow?: string;
                        /** @description from the lowest tier up */
                        tiers: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            id: string;
                            minPoints?: number;
                            /** @description minor units spent within spendWindow */
                            minSpend?: number;
                            /** @description read by pricing and promotions, e.g. { percentOff: 5 } */
                            perks: {
                                /** @description percent off every price for this tier */
                                percentOff?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        }[];
                        backfill?: {
                            status: "running" | "done" | "failed";
                            processed: number;
                            total: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            startedAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            finishedAt?: string;
                            error?: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        events: string[];
                        /** @description shown masked */
                        secret: string;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    events: ("segment.entered" | "segment.exited" | "loyalty.tier_changed" | "journey.message")[];
                    /** @description Standard Webhooks secret: whsec_ + base64 of 24 or more bytes. The masked secret a GET answers (whsec_ and four characters, then …) keeps the current one, so a read webhook can be written back. */
                    secret: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        events: string[];
                        /** @description shown masked */
                        secret: string;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        events: string[];
                        /** @description shown masked */
                        secret: string;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            url: string;
                            events: string[];
                            /** @description shown masked */
                            secret: string;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            type: string;
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            deliveredAt: string | null;
                            lastError: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getExperiment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        status: string;
                        layer?: string;
                        layerSlice?: {
                            from: number;
                            to: number;
                        };
                        seed: string;
                        trafficPercent: number;
                        audience?: unknown;
                        startsAt?: string;
                        endsAt?: string;
                        /** @description when it was stopped; orders and clicks from then on count for no variant */
                        stoppedAt?: string;
                        metric: string;
                        guardrails: string[];
                        variants: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putExperiment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    status: "draft" | "running" | "stopped";
                    /**
                     * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                     * @example 85123A
                     */
                    layer?: string;
                    /** @description the part of the layer’s units this experiment takes, percent; default the first free one */
                    layerSlice?: {
                        from: number;
                        to: number;
                    };
                    /** @description default the experiment id */
                    seed?: string;
                    /** @description default 100 */
                    trafficPercent?: number;
                    /** @description every non-empty field must match; within a field any value may; none: everyone */
                    audience?: {
                        segments?: string[];
                        countries?: string[];
                        channels?: string[];
                        devices?: string[];
                    };
                    /**
                     * Format: date-time
                     * @description ISO 8601, UTC
                     */
                    startsAt?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601, UTC
                     */
                    endsAt?: string;
                    metric: "conversion" | "revenue_per_unit" | "aov" | "ctr";
                    guardrails?: ("conversion" | "revenue_per_unit" | "aov" | "ctr")[];
                    /** @description the first is the control; weights sum to 100 */
                    variants: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        id: string;
                        /** @description whole percent; all weights sum to 100 */
                        weight: number;
                        /** @description what the variant changes; the control usually changes nothing */
                        changes: {
                            /** @description by the page’s slot name: the strategy that slot uses instead */
                            recommendations?: {
                                [key: string]: {
                                    strategy: "popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed";
                                };
                            };
                            listingWeights?: {
                                relevance?: number;
                                affinity?: number;
                                popularity?: number;
                                margin?: number;
                            };
                            /** @description by content slot: the variant id shown, whatever its audience */
                            content?: {
                                [key: string]: string;
                            };
                            promotions?: {
                                enable?: string[];
                                disable?: string[];
                            };
                            priceLists?: {
                                enable?: string[];
                                disable?: string[];
                            };
                            /**
                             * @description the holdout: the answer a visitor with no personalisation gets
                             * @enum {boolean}
                             */
                            personalization?: false;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        status: string;
                        layer?: string;
                        layerSlice?: {
                            from: number;
                            to: number;
                        };
                        seed: string;
                        trafficPercent: number;
                        audience?: unknown;
                        startsAt?: string;
                        endsAt?: string;
                        /** @description when it was stopped; orders and clicks from then on count for no variant */
                        stoppedAt?: string;
                        metric: string;
                        guardrails: string[];
                        variants: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        status: string;
                        layer?: string;
                        layerSlice?: {
                            from: number;
                            to: number;
                        };
                        seed: string;
                        trafficPercent: number;
                        audience?: unknown;
                        startsAt?: string;
                        endsAt?: string;
                        /** @description when it was stopped; orders and clicks from then on count for no variant */
                        stoppedAt?: string;
                        metric: string;
                        guardrails: string[];
                        variants: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteExperiment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listExperiments: {
        parameters: {
            query?: {
                /** @description page size, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            status: string;
                            layer?: string;
                            layerSlice?: {
                                from: number;
                                to: number;
                            };
                            seed: string;
                            trafficPercent: number;
                            audience?: unknown;
                            startsAt?: string;
                            endsAt?: string;
                            /** @description when it was stopped; orders and clicks from then on count for no variant */
                            stoppedAt?: string;
                            metric: string;
                            guardrails: string[];
                            variants: unknown[];
                            version: number;
                            updatedAt: string;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getExperimentResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        experimentId: string;
                        status: string;
                        enoughData: boolean;
                        srm: {
                            pValue: number;
                            flagged: boolean;
                        };
                        variants: {
                            id: string;
                            units: number;
                            conversions: number;
                            conversionRate: number;
                            orders: number;
                            revenue: {
                                amount: number;
                                currency: string;
                            };
                            /** @description minor units, may be fractional */
                            revenuePerUnit: number;
                            /** @description minor units, may be fractional */
                            aov: number;
                            clicks: number;
                            ctr: number;
                            vsControl?: {
                                metric: string;
                                /** @description relative: 0.12 is +12 % */
                                uplift: number;
                                ci95: number[];
                                pValue: number;
                                cuped?: {
                                    varianceReduction: number;
                                };
                            };
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getPriceList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name?: string;
                        type: "sale" | "override";
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                        priority: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        startsAt?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        endsAt?: string;
                        /** @description every non-empty field must match; within a field any value may; empty: everyone */
                        audience?: {
                            segments?: string[];
                            customers?: string[];
                            companies?: string[];
                            channels?: string[];
                            countries?: string[];
                            loyaltyTiers?: string[];
                        };
                        prices?: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount?: number;
                            tiers?: {
                                minQuantity: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                            }[];
                        }[];
                        /** @description percentOff or amountOff, for the products match selects */
                        rule?: {
                            percentOff?: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amountOff?: number;
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putPriceList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    type: "sale" | "override";
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency: string;
                    /** @description higher is considered first */
                    priority?: number;
                    /**
                     * Format: date-time
                     * @description ISO 8601, UTC
                     */
                    startsAt?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601, UTC
                     */
                    endsAt?: string;
                    /** @description every non-empty field must match; within a field any value may; empty: everyone */
                    audience?: {
                        segments?: string[];
                        customers?: string[];
                        companies?: string[];
                        channels?: string[];
                        countries?: string[];
                        loyaltyTiers?: string[];
                    };
                    prices?: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        productId: string;
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        amount?: number;
                        tiers?: {
                            minQuantity: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                        }[];
                    }[];
                    /** @description percentOff or amountOff, for the products match selects */
                    rule?: {
                        percentOff?: number;
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        amountOff?: number;
                        match: {
                            productIds?: string[];
                            categories?: string[];
                            brands?: string[];
                            collections?: string[];
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name?: string;
                        type: "sale" | "override";
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                        priority: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        startsAt?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        endsAt?: string;
                        /** @description every non-empty field must match; within a field any value may; empty: everyone */
                        audience?: {
                            segments?: string[];
                            customers?: string[];
                            companies?: string[];
                            channels?: string[];
                            countries?: string[];
                            loyaltyTiers?: string[];
                        };
                        prices?: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount?: number;
                            tiers?: {
                                minQuantity: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                            }[];
                        }[];
                        /** @description percentOff or amountOff, for the products match selects */
                        rule?: {
                            percentOff?: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amountOff?: number;
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name?: string;
                        type: "sale" | "override";
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                        priority: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        startsAt?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        endsAt?: string;
                        /** @description every non-empty field must match; within a field any value may; empty: everyone */
                        audience?: {
                            segments?: string[];
                            customers?: string[];
                            companies?: string[];
                            channels?: string[];
                            countries?: string[];
                            loyaltyTiers?: string[];
                        };
                        prices?: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount?: number;
                            tiers?: {
                                minQuantity: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                            }[];
                        }[];
                        /** @description percentOff or amountOff, for the products match selects */
                        rule?: {
                            percentOff?: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amountOff?: number;
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deletePriceList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listPriceLists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name?: string;
                            type: "sale" | "override";
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                            priority: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            startsAt?: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            endsAt?: string;
                            /** @description every non-empty field must match; within a field any value may; empty: everyone */
                            audience?: {
                                segments?: string[];
                                customers?: string[];
                                companies?: string[];
                                channels?: string[];
                                countries?: string[];
                                loyaltyTiers?: string[];
                            };
                            prices?: {
                                /**
                                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                                 * @example 85123A
                                 */
                                productId: string;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount?: number;
                                tiers?: {
                                    minQuantity: number;
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                }[];
                            }[];
                            /** @description percentOff or amountOff, for the products match selects */
                            rule?: {
                                percentOff?: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amountOff?: number;
                                match: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                            };
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    resolvePrices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId?: string;
                    anonymousId?: string;
                    /** @description the request context: channel, device, country, locale, page, ... */
                    context?: {
                        channel?: string;
                        device?: string;
                        country?: string;
                        locale?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency: string;
                    items: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        productId: string;
                        quantity: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            productId: string;
                            quantity: number;
                            base?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            } | null;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            final?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            lineTotal?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            applied?: {
                                priceListId: string;
                                kind: string;
                                reason: string;
                            }[];
                            personalized?: boolean;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            lowestPrice30d?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            tier?: {
                                priceListId: string;
                                minQuantity: number;
                            };
                            error?: {
                                code: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getPromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        badge: string;
                        currency: string;
                        status?: "active" | "paused";
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        startsAt?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        endsAt?: string;
                        /** @description every non-empty field must match; within a field any value may; empty: everyone */
                        audience?: {
                            segments?: string[];
                            loyaltyTiers?: string[];
                            firstOrderOnly?: boolean;
                            channels?: string[];
                            countries?: string[];
                            devices?: string[];
                        };
                        conditions?: {
                            subtotal?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte: number;
                            };
                            items?: {
                                match: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: {
                                    gte: number;
                                };
                            };
                        };
                        action: {
                            /** @enum {string} */
                            type: "percent_off";
                            target: "items" | "order";
                            match?: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            percent: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            cap?: number;
                        } | {
                            /** @enum {string} */
                            type: "amount_off";
                            target: "items" | "order";
                            match?: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                        } | {
                            /** @enum {string} */
                            type: "fixed_price";
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                        } | {
                            /** @enum {string} */
                            type: "buy_x_get_y";
                            buy: {
                                match: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: number;
                            };
                            /** @description a named product (added when missing and in stock) or the cheapest units of a match */
                            get: {
                                /**
                                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                                 * @example 85123A
                                 */
                                productId?: string;
                                match?: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: number;
                                percent: number;
                            };
                        } | {
                            /** @enum {string} */
                            type: "spend_tiers";
                            tiers: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                            }[];
                        } | {
                            /** @enum {string} */
                            type: "free_shipping";
                        } | {
                            /** @enum {string} */
                            type: "gift";
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                        };
                        stacking?: {
                            mode?: "exclusive" | "stackable";
                            /** @description higher is evaluated first */
                            priority?: number;
                            /** @description best-deal group: only its best member applies */
                            group?: string;
                        };
                        limits?: {
                            /** @description money in integer minor units of an ISO 4217 currency */
                            budget?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            redemptions?: number;
                            perCustomer?: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            maxDiscountPerOrder?: number;
                        };
                        coupon?: {
                            required: boolean;
                            codes?: string[];
                            singleUse?: boolean;
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putPromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    badge?: string;
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency?: string;
                    status?: "active" | "paused";
                    /**
                     * Format: date-time
                     * @description ISO 8601, UTC
                     */
                    startsAt?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601, UTC
                     */
                    endsAt?: string;
                    /** @description every non-empty field must match; within a field any value may; empty: everyone */
                    audience?: {
                        segments?: string[];
                        loyaltyTiers?: string[];
                        firstOrderOnly?: boolean;
                        channels?: string[];
                        countries?: string[];
                        devices?: string[];
                    };
                    conditions?: {
                        subtotal?: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            gte: number;
                        };
                        items?: {
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            quantity: {
                                gte: number;
                            };
                        };
                    };
                    action: {
                        /** @enum {string} */
                        type: "percent_off";
                        target: "items" | "order";
                        match?: {
                            productIds?: string[];
                            categories?: string[];
                            brands?: string[];
                            collections?: string[];
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                        };
                        percent: number;
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        cap?: number;
                    } | {
                        /** @enum {string} */
                        type: "amount_off";
                        target: "items" | "order";
                        match?: {
                            productIds?: string[];
                            categories?: string[];
                            brands?: string[];
                            collections?: string[];
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                        };
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        amount: number;
                    } | {
                        /** @enum {string} */
                        type: "fixed_price";
                        match: {
                            productIds?: string[];
                            categories?: string[];
                            brands?: string[];
                            collections?: string[];
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                        };
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        amount: number;
                    } | {
                        /** @enum {string} */
                        type: "buy_x_get_y";
                        buy: {
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            quantity: number;
                        };
                        /** @description a named product (added when missing and in stock) or the cheapest units of a match */
                        get: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId?: string;
                            match?: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            quantity: number;
                            percent: number;
                        };
                    } | {
                        /** @enum {string} */
                        type: "spend_tiers";
                        tiers: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            gte: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                        }[];
                    } | {
                        /** @enum {string} */
                        type: "free_shipping";
                    } | {
                        /** @enum {string} */
                        type: "gift";
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        productId: string;
                    };
                    stacking?: {
                        mode?: "exclusive" | "stackable";
                        /** @description higher is evaluated first */
                        priority?: number;
                        /** @description best-deal group: only its best member applies */
                        group?: string;
                    };
                    limits?: {
                        /** @description money in integer minor units of an ISO 4217 currency */
                        budget?: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        redemptions?: number;
                        perCustomer?: number;
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        maxDiscountPerOrder?: number;
                    };
                    coupon?: {
                        required: boolean;
                        codes?: string[];
                        singleUse?: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        badge: string;
                        currency: string;
                        status?: "active" | "paused";
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        startsAt?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        endsAt?: string;
                        /** @description every non-empty field must match; within a field any value may; empty: everyone */
                        audience?: {
                            segments?: string[];
                            loyaltyTiers?: string[];
                            firstOrderOnly?: boolean;
                            channels?: string[];
                            countries?: string[];
                            devices?: string[];
                        };
                        conditions?: {
                            subtotal?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte: number;
                            };
                            items?: {
                                match: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: {
                                    gte: number;
                                };
                            };
                        };
                        action: {
                            /** @enum {string} */
                            type: "percent_off";
                            target: "items" | "order";
                            match?: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            percent: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            cap?: number;
                        } | {
                            /** @enum {string} */
                            type: "amount_off";
                            target: "items" | "order";
                            match?: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                        } | {
                            /** @enum {string} */
                            type: "fixed_price";
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                        } | {
                            /** @enum {string} */
                            type: "buy_x_get_y";
                            buy: {
                                match: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: number;
                            };
                            /** @description a named product (added when missing and in stock) or the cheapest units of a match */
                            get: {
                                /**
                                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                                 * @example 85123A
                                 */
                                productId?: string;
                                match?: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: number;
                                percent: number;
                            };
                        } | {
                            /** @enum {string} */
                            type: "spend_tiers";
                            tiers: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                            }[];
                        } | {
                            /** @enum {string} */
                            type: "free_shipping";
                        } | {
                            /** @enum {string} */
                            type: "gift";
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                        };
                        stacking?: {
                            mode?: "exclusive" | "stackable";
                            /** @description higher is evaluated first */
                            priority?: number;
                            /** @description best-deal group: only its best member applies */
                            group?: string;
                        };
                        limits?: {
                            /** @description money in integer minor units of an ISO 4217 currency */
                            budget?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            redemptions?: number;
                            perCustomer?: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            maxDiscountPerOrder?: number;
                        };
                        coupon?: {
                            required: boolean;
                            codes?: string[];
                            singleUse?: boolean;
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        badge: string;
                        currency: string;
                        status?: "active" | "paused";
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        startsAt?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        endsAt?: string;
                        /** @description every non-empty field must match; within a field any value may; empty: everyone */
                        audience?: {
                            segments?: string[];
                            loyaltyTiers?: string[];
                            firstOrderOnly?: boolean;
                            channels?: string[];
                            countries?: string[];
                            devices?: string[];
                        };
                        conditions?: {
                            subtotal?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte: number;
                            };
                            items?: {
                                match: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: {
                                    gte: number;
                                };
                            };
                        };
                        action: {
                            /** @enum {string} */
                            type: "percent_off";
                            target: "items" | "order";
                            match?: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            percent: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            cap?: number;
                        } | {
                            /** @enum {string} */
                            type: "amount_off";
                            target: "items" | "order";
                            match?: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                        } | {
                            /** @enum {string} */
                            type: "fixed_price";
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                        } | {
                            /** @enum {string} */
                            type: "buy_x_get_y";
                            buy: {
                                match: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: number;
                            };
                            /** @description a named product (added when missing and in stock) or the cheapest units of a match */
                            get: {
                                /**
                                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                                 * @example 85123A
                                 */
                                productId?: string;
                                match?: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                quantity: number;
                                percent: number;
                            };
                        } | {
                            /** @enum {string} */
                            type: "spend_tiers";
                            tiers: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                            }[];
                        } | {
                            /** @enum {string} */
                            type: "free_shipping";
                        } | {
                            /** @enum {string} */
                            type: "gift";
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                        };
                        stacking?: {
                            mode?: "exclusive" | "stackable";
                            /** @description higher is evaluated first */
                            priority?: number;
                            /** @description best-deal group: only its best member applies */
                            group?: string;
                        };
                        limits?: {
                            /** @description money in integer minor units of an ISO 4217 currency */
                            budget?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            redemptions?: number;
                            perCustomer?: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            maxDiscountPerOrder?: number;
                        };
                        coupon?: {
                            required: boolean;
                            codes?: string[];
                            singleUse?: boolean;
                        };
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deletePromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listPromotions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            title: string;
                            badge: string;
                            currency: string;
                            status?: "active" | "paused";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            startsAt?: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            endsAt?: string;
                            /** @description every non-empty field must match; within a field any value may; empty: everyone */
                            audience?: {
                                segments?: string[];
                                loyaltyTiers?: string[];
                                firstOrderOnly?: boolean;
                                channels?: string[];
                                countries?: string[];
                                devices?: string[];
                            };
                            conditions?: {
                                subtotal?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    gte: number;
                                };
                                items?: {
                                    match: {
                                        productIds?: string[];
                                        categories?: string[];
                                        brands?: string[];
                                        collections?: string[];
                                        /** @description free attributes: a scalar or a list of scalars each */
                                        attributes?: {
                                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                        };
                                    };
                                    quantity: {
                                        gte: number;
                                    };
                                };
                            };
                            action: {
                                /** @enum {string} */
                                type: "percent_off";
                                target: "items" | "order";
                                match?: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                percent: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                cap?: number;
                            } | {
                                /** @enum {string} */
                                type: "amount_off";
                                target: "items" | "order";
                                match?: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                            } | {
                                /** @enum {string} */
                                type: "fixed_price";
                                match: {
                                    productIds?: string[];
                                    categories?: string[];
                                    brands?: string[];
                                    collections?: string[];
                                    /** @description free attributes: a scalar or a list of scalars each */
                                    attributes?: {
                                        [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                    };
                                };
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                            } | {
                                /** @enum {string} */
                                type: "buy_x_get_y";
                                buy: {
                                    match: {
                                        productIds?: string[];
                                        categories?: string[];
                                        brands?: string[];
                                        collections?: string[];
                                        /** @description free attributes: a scalar or a list of scalars each */
                                        attributes?: {
                                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                        };
                                    };
                                    quantity: number;
                                };
                                /** @description a named product (added when missing and in stock) or the cheapest units of a match */
                                get: {
                                    /**
                                     * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                                     * @example 85123A
                                     */
                                    productId?: string;
                                    match?: {
                                        productIds?: string[];
                                        categories?: string[];
                                        brands?: string[];
                                        collections?: string[];
                                        /** @description free attributes: a scalar or a list of scalars each */
                                        attributes?: {
                                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                        };
                                    };
                                    quantity: number;
                                    percent: number;
                                };
                            } | {
                                /** @enum {string} */
                                type: "spend_tiers";
                                tiers: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    gte: number;
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                }[];
                            } | {
                                /** @enum {string} */
                                type: "free_shipping";
                            } | {
                                /** @enum {string} */
                                type: "gift";
                                /**
                                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                                 * @example 85123A
                                 */
                                productId: string;
                            };
                            stacking?: {
                                mode?: "exclusive" | "stackable";
                                /** @description higher is evaluated first */
                                priority?: number;
                                /** @description best-deal group: only its best member applies */
                                group?: string;
                            };
                            limits?: {
                                /** @description money in integer minor units of an ISO 4217 currency */
                                budget?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                redemptions?: number;
                                perCustomer?: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                maxDiscountPerOrder?: number;
                            };
                            coupon?: {
                                required: boolean;
                                codes?: string[];
                                singleUse?: boolean;
                            };
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    generateCoupons: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    count: number;
                    prefix?: string;
                    /** @description default true */
                    singleUse?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        promotionId: string;
                        count: number;
                        codes: string[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    evaluateCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId?: string;
                    anonymousId?: string;
                    /** @description the request context: channel, device, country, locale, page, ... */
                    context?: {
                        channel?: string;
                        device?: string;
                        country?: string;
                        locale?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency: string;
                    items: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        productId: string;
                        quantity: number;
                    }[];
                    coupons?: string[];
                    /** @description money in integer minor units of an ISO 4217 currency */
                    shipping?: {
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        amount: number;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orderId?: string;
                        currency: string;
                        lines: {
                            productId: string;
                            quantity: number;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            unitPrice: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            discounts: {
                                promotionId: string;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                            }[];
                            /** @description money in integer minor units of an ISO 4217 currency */
                            total: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            product?: {
                                title: string;
                                /** @description the first is the main one; empty when none is known */
                                images: {
                                    url: string;
                                    alt: string;
                                }[];
                                handle?: string;
                                /** @description variants of one product share it: show them as one card */
                                groupId?: string;
                                inStock: boolean;
                                /** @description the other products of its group, in id order: the card stands for all of them */
                                variants?: {
                                    productId: string;
                                    title: string;
                                    inStock: boolean;
                                }[];
                            };
                            free?: boolean;
                            addedBy?: string;
                        }[];
                        /** @description money in integer minor units of an ISO 4217 currency */
                        subtotal: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        discounts: {
                            promotionId: string;
                            couponCode?: string;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            amount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            target: string;
                        }[];
                        shipping?: {
                            /** @description money in integer minor units of an ISO 4217 currency */
                            amount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            discount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        total: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        applied: {
                            promotionId: string;
                            couponCode?: string;
                            reason: string;
                        }[];
                        rejected: {
                            promotionId?: string;
                            couponCode?: string;
                            reason: string;
                        }[];
                        nudges: {
                            promotionId: string;
                            message: string;
                            missing: {
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                quantity?: number;
                            };
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOffers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId?: string;
                    anonymousId?: string;
                    /** @description the request context: channel, device, country, locale, page, ... */
                    context?: {
                        channel?: string;
                        device?: string;
                        country?: string;
                        locale?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency: string;
                    cart?: {
                        items: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                            quantity: number;
                        }[];
                    };
                    /** @description product: title, images, handle, inStock (and reasons with titles); price: the price this customer pays and the badges; default none */
                    include?: ("product" | "price")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        offers: {
                            promotionId: string;
                            title: string;
                            badge: string;
                            endsAt?: string;
                            missing?: {
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                quantity?: number;
                            };
                            /** @description what the promotion puts in the cart (a gift, the named free item), hydrated as include asks */
                            products?: {
                                productId: string;
                                product?: {
                                    title: string;
                                    /** @description the first is the main one; empty when none is known */
                                    images: {
                                        url: string;
                                        alt: string;
                                    }[];
                                    handle?: string;
                                    /** @description variants of one product share it: show them as one card */
                                    groupId?: string;
                                    inStock: boolean;
                                    /** @description the other products of its group, in id order: the card stands for all of them */
                                    variants?: {
                                        productId: string;
                                        title: string;
                                        inStock: boolean;
                                    }[];
                                };
                                price?: {
                                    productId: string;
                                    quantity: number;
                                    base?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    } | null;
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    final?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    lineTotal?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    applied?: {
                                        priceListId: string;
                                        kind: string;
                                        reason: string;
                                    }[];
                                    personalized?: boolean;
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    lowestPrice30d?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    tier?: {
                                        priceListId: string;
                                        minQuantity: number;
                                    };
                                    error?: {
                                        code: string;
                                    };
                                };
                                offers?: {
                                    promotionId: string;
                                    badge: string;
                                }[];
                                /** @description the products the reason names by title, in order */
                                reasonProductIds?: string[];
                            }[];
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                userId?: string;
                anonymousId?: string;
                /** @description page size, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: ({
                            orderId?: string;
                            currency: string;
                            lines: {
                                productId: string;
                                quantity: number;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                unitPrice: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                discounts: {
                                    promotionId: string;
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    amount: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                }[];
                                /** @description money in integer minor units of an ISO 4217 currency */
                                total: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                product?: {
                                    title: string;
                                    /** @description the first is the main one; empty when none is known */
                                    images: {
                                        url: string;
                                        alt: string;
                                    }[];
                                    handle?: string;
                                    /** @description variants of one product share it: show them as one card */
                                    groupId?: string;
                                    inStock: boolean;
                                    /** @description the other products of its group, in id order: the card stands for all of them */
                                    variants?: {
                                        productId: string;
                                        title: string;
                                        inStock: boolean;
                                    }[];
                                };
                                free?: boolean;
                                addedBy?: string;
                            }[];
                            /** @description money in integer minor units of an ISO 4217 currency */
                            subtotal: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            discounts: {
                                promotionId: string;
                                couponCode?: string;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                target: string;
                            }[];
                            shipping?: {
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                /** @description money in integer minor units of an ISO 4217 currency */
                                discount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            total: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            applied: {
                                promotionId: string;
                                couponCode?: string;
                                reason: string;
                            }[];
                            rejected: {
                                promotionId?: string;
                                couponCode?: string;
                                reason: string;
                            }[];
                            nudges: {
                                promotionId: string;
                                message: string;
                                missing: {
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    amount?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    quantity?: number;
                                };
                            }[];
                        } & {
                            /** Format: date-time */
                            placedAt: string;
                        })[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                     * @example 85123A
                     */
                    orderId: string;
                    userId?: string;
                    anonymousId?: string;
                    /** @description the request context: channel, device, country, locale, page, ... */
                    context?: {
                        channel?: string;
                        device?: string;
                        country?: string;
                        locale?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency: string;
                    items: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        productId: string;
                        quantity: number;
                    }[];
                    coupons?: string[];
                    /** @description money in integer minor units of an ISO 4217 currency */
                    shipping?: {
                        /**
                         * @description integer minor units (pence for GBP)
                         * @example 295
                         */
                        amount: number;
                        /**
                         * Format: iso4217
                         * @description ISO 4217 alphabetic code
                         * @example GBP
                         */
                        currency: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orderId?: string;
                        currency: string;
                        lines: {
                            productId: string;
                            quantity: number;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            unitPrice: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            discounts: {
                                promotionId: string;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                            }[];
                            /** @description money in integer minor units of an ISO 4217 currency */
                            total: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            product?: {
                                title: string;
                                /** @description the first is the main one; empty when none is known */
                                images: {
                                    url: string;
                                    alt: string;
                                }[];
                                handle?: string;
                                /** @description variants of one product share it: show them as one card */
                                groupId?: string;
                                inStock: boolean;
                                /** @description the other products of its group, in id order: the card stands for all of them */
                                variants?: {
                                    productId: string;
                                    title: string;
                                    inStock: boolean;
                                }[];
                            };
                            free?: boolean;
                            addedBy?: string;
                        }[];
                        /** @description money in integer minor units of an ISO 4217 currency */
                        subtotal: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        discounts: {
                            promotionId: string;
                            couponCode?: string;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            amount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            target: string;
                        }[];
                        shipping?: {
                            /** @description money in integer minor units of an ISO 4217 currency */
                            amount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            discount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        total: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        applied: {
                            promotionId: string;
                            couponCode?: string;
                            reason: string;
                        }[];
                        rejected: {
                            promotionId?: string;
                            couponCode?: string;
                            reason: string;
                        }[];
                        nudges: {
                            promotionId: string;
                            message: string;
                            missing: {
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                quantity?: number;
                            };
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orderId?: string;
                        currency: string;
                        lines: {
                            productId: string;
                            quantity: number;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            unitPrice: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            discounts: {
                                promotionId: string;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                            }[];
                            /** @description money in integer minor units of an ISO 4217 currency */
                            total: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            product?: {
                                title: string;
                                /** @description the first is the main one; empty when none is known */
                                images: {
                                    url: string;
                                    alt: string;
                                }[];
                                handle?: string;
                                /** @description variants of one product share it: show them as one card */
                                groupId?: string;
                                inStock: boolean;
                                /** @description the other products of its group, in id order: the card stands for all of them */
                                variants?: {
                                    productId: string;
                                    title: string;
                                    inStock: boolean;
                                }[];
                            };
                            free?: boolean;
                            addedBy?: string;
                        }[];
                        /** @description money in integer minor units of an ISO 4217 currency */
                        subtotal: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        discounts: {
                            promotionId: string;
                            couponCode?: string;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            amount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            target: string;
                        }[];
                        shipping?: {
                            /** @description money in integer minor units of an ISO 4217 currency */
                            amount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            discount: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        total: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        applied: {
                            promotionId: string;
                            couponCode?: string;
                            reason: string;
                        }[];
                        rejected: {
                            promotionId?: string;
                            couponCode?: string;
                            reason: string;
                        }[];
                        nudges: {
                            promotionId: string;
                            message: string;
                            missing: {
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                quantity?: number;
                            };
                        }[];
                    } & {
                        /** Format: date-time */
                        placedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    recommend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description popular, trending, similar, bought-together, cart-complements, for-you, buy-again, recently-viewed */
                    strategy: "popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed";
                    userId?: string;
                    anonymousId?: string;
                    /**
                     * @description the product on the page (similar, bought-together)
                     * @example 85123A
                     */
                    productId?: string;
                    cart?: {
                        items: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                            quantity?: number;
                        }[];
                    };
                    limit: number;
                    /**
                     * @description the page slot asking: an experiment may change its strategy
                     * @example 85123A
                     */
                    slot?: string;
                    filter?: {
                        categories?: string[];
                        brands?: string[];
                        /** @description base price, minor units of the store currency */
                        price?: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            gte?: number;
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            lte?: number;
                        };
                        /** @description free attributes: a scalar or a list of scalars each */
                        attributes?: {
                            [key: string]: (string | number | boolean) | (string | number | boolean)[];
                        };
                        excludeProductIds?: string[];
                        /** @description leave out what the customer bought: for-you becomes discovery */
                        excludePurchased?: boolean;
                    };
                    /** @description popular and trending within this segment: for a secret key, or a customer in it; otherwise ignored (the reason says whose popularity it is) */
                    segment?: string;
                    /** @description the request context: channel, device, country, locale, page, ... */
                    context?: {
                        channel?: string;
                        device?: string;
                        country?: string;
                        locale?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /** @description product: title, images, handle, inStock (and reasons with titles); price: the price this customer pays and the badges; default none */
                    include?: ("product" | "price")[];
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        strategy: string;
                        items: {
                            productId: string;
                            score: number;
                            reason: string;
                            product?: {
                                title: string;
                                /** @description the first is the main one; empty when none is known */
                                images: {
                                    url: string;
                                    alt: string;
                                }[];
                                handle?: string;
                                /** @description variants of one product share it: show them as one card */
                                groupId?: string;
                                inStock: boolean;
                                /** @description the other products of its group, in id order: the card stands for all of them */
                                variants?: {
                                    productId: string;
                                    title: string;
                                    inStock: boolean;
                                }[];
                            };
                            price?: {
                                productId: string;
                                quantity: number;
                                base?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                } | null;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                final?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                /** @description money in integer minor units of an ISO 4217 currency */
                                lineTotal?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                applied?: {
                                    priceListId: string;
                                    kind: string;
                                    reason: string;
                                }[];
                                personalized?: boolean;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                lowestPrice30d?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                tier?: {
                                    priceListId: string;
                                    minQuantity: number;
                                };
                                error?: {
                                    code: string;
                                };
                            };
                            offers?: {
                                promotionId: string;
                                badge: string;
                            }[];
                            /** @description the products the reason names by title, in order */
                            reasonProductIds?: string[];
                        }[];
                        /** @enum {string} */
                        fallback?: "popular";
                        /** @description the experiments whose variants this answer applies */
                        experiments?: {
                            experimentId: string;
                            variant: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    rebuildRecommendationModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        builtAt: string;
                        durationMs: number;
                        customers: number;
                        interactions: number;
                        denseItems: number;
                        describedProducts: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getRecommendationRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        boosts?: {
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            /** @description scores are multiplied by it */
                            factor: number;
                        }[];
                        pins?: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                            /** @description 1 is first */
                            position: number;
                            strategies?: ("popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed")[];
                        }[];
                        /** @description at most this many from one top-level category */
                        maxPerCategory?: number;
                        /** @description strategies that may recommend what the customer bought (default buy-again and for-you) */
                        repeatStrategies?: ("popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed")[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putRecommendationRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    boosts?: {
                        match: {
                            productIds?: string[];
                            categories?: string[];
                            brands?: string[];
                            collections?: string[];
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                        };
                        /** @description scores are multiplied by it */
                        factor: number;
                    }[];
                    pins?: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        productId: string;
                        /** @description 1 is first */
                        position: number;
                        strategies?: ("popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed")[];
                    }[];
                    /** @description at most this many from one top-level category */
                    maxPerCategory?: number;
                    /** @description strategies that may recommend what the customer bought (default buy-again and for-you) */
                    repeatStrategies?: ("popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        boosts?: {
                            match: {
                                productIds?: string[];
                                categories?: string[];
                                brands?: string[];
                                collections?: string[];
                                /** @description free attributes: a scalar or a list of scalars each */
                                attributes?: {
                                    [key: string]: (string | number | boolean) | (string | number | boolean)[];
                                };
                            };
                            /** @description scores are multiplied by it */
                            factor: number;
                        }[];
                        pins?: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                            /** @description 1 is first */
                            position: number;
                            strategies?: ("popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed")[];
                        }[];
                        /** @description at most this many from one top-level category */
                        maxPerCategory?: number;
                        /** @description strategies that may recommend what the customer bought (default buy-again and for-you) */
                        repeatStrategies?: ("popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed")[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getContentSlot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                slot: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        variants: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putContentSlot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                slot: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one must have no audience and no schedule: the default */
                    variants: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        id: string;
                        /** @description every non-empty field must match; within a field any value may; none: everyone */
                        audience?: {
                            segments?: string[];
                            loyaltyTiers?: string[];
                            countries?: string[];
                            devices?: string[];
                            channels?: string[];
                            pageTypes?: string[];
                        };
                        /** @description higher wins; default 0 */
                        priority?: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        startsAt?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        endsAt?: string;
                        /** @description any JSON the storefront renders: a banner, a collection id, ... */
                        payload: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        variants: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        variants: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteContentSlot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                slot: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    resolveContent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId?: string;
                    anonymousId?: string;
                    /** @description the request context: channel, device, country, locale, page, ... */
                    context?: {
                        channel?: string;
                        device?: string;
                        country?: string;
                        locale?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    slots: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        slots: {
                            [key: string]: {
                                variantId: string;
                                payload: unknown;
                                reason: string;
                            };
                        };
                        /** @description the experiments whose variants this answer applies */
                        experiments?: {
                            experimentId: string;
                            variant: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getListing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId?: string;
                    anonymousId?: string;
                    /** @description the request context: channel, device, country, locale, page, ... */
                    context?: {
                        channel?: string;
                        device?: string;
                        country?: string;
                        locale?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency?: string;
                    /** @description a category path; its descendants count */
                    category?: string;
                    /** @description words matched in titles and descriptions */
                    query?: string;
                    limit: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description product: title, images, handle, inStock (and reasons with titles); price: the price this customer pays and the badges; default none */
                    include?: ("product" | "price")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            productId: string;
                            title: string;
                            price: {
                                productId: string;
                                quantity: number;
                                base?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                } | null;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                final?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                /** @description money in integer minor units of an ISO 4217 currency */
                                lineTotal?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                applied?: {
                                    priceListId: string;
                                    kind: string;
                                    reason: string;
                                }[];
                                personalized?: boolean;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                lowestPrice30d?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                tier?: {
                                    priceListId: string;
                                    minQuantity: number;
                                };
                                error?: {
                                    code: string;
                                };
                            };
                            offers: {
                                promotionId: string;
                                badge: string;
                            }[];
                            inStock: boolean;
                            reasons: string[];
                            product?: {
                                title: string;
                                /** @description the first is the main one; empty when none is known */
                                images: {
                                    url: string;
                                    alt: string;
                                }[];
                                handle?: string;
                                /** @description variants of one product share it: show them as one card */
                                groupId?: string;
                                inStock: boolean;
                                /** @description the other products of its group, in id order: the card stands for all of them */
                                variants?: {
                                    productId: string;
                                    title: string;
                                    inStock: boolean;
                                }[];
                            };
                        }[];
                        nextCursor: string | null;
                        /** @description the experiments whose variants this answer applies */
                        experiments?: {
                            experimentId: string;
                            variant: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getListingRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        weights: {
                            relevance: number;
                            affinity: number;
                            popularity: number;
                            margin: number;
                        };
                        pins: {
                            category?: string;
                            query?: string;
                            productIds: string[];
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putListingRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description how much each signal counts; each defaults to 1, 1, 0.5 and 0.1 */
                    weights?: {
                        relevance?: number;
                        affinity?: number;
                        popularity?: number;
                        margin?: number;
                    };
                    pins?: {
                        /** @description a slash-separated path such as home/kitchen/mugs, with at least one named segment */
                        category?: string;
                        query?: string;
                        productIds: string[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        weights: {
                            relevance: number;
                            affinity: number;
                            popularity: number;
                            margin: number;
                        };
                        pins: {
                            category?: string;
                            query?: string;
                            productIds: string[];
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    decide: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId?: string;
                    anonymousId?: string;
                    /** @description the request context: channel, device, country, locale, page, ... */
                    context?: {
                        channel?: string;
                        device?: string;
                        country?: string;
                        locale?: string;
                    } & {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: iso4217
                     * @description ISO 4217 alphabetic code
                     * @example GBP
                     */
                    currency?: string;
                    /** @description product: title, images, handle, inStock (and reasons with titles); price: the price this customer pays and the badges; default both (send [] for ids only) */
                    include?: ("product" | "price")[];
                    /** @description a product page's product: answered with its card, price and badges; recommendation slots without a productId use it */
                    product?: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        productId: string;
                    };
                    cart?: {
                        items: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            productId: string;
                            quantity: number;
                        }[];
                        coupons?: string[];
                    };
                    listing?: {
                        category?: string | null;
                        query?: string | null;
                        limit: number;
                        cursor?: string | null;
                    };
                    recommendations?: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        slot: string;
                        /** @description popular, trending, similar, bought-together, cart-complements, for-you, buy-again, recently-viewed */
                        strategy: "popular" | "trending" | "similar" | "bought-together" | "cart-complements" | "for-you" | "buy-again" | "recently-viewed";
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        productId?: string;
                        limit: number;
                        filter?: {
                            categories?: string[];
                            brands?: string[];
                            /** @description base price, minor units of the store currency */
                            price?: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                gte?: number;
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                lte?: number;
                            };
                            /** @description free attributes: a scalar or a list of scalars each */
                            attributes?: {
                                [key: string]: (string | number | boolean) | (string | number | boolean)[];
                            };
                            excludeProductIds?: string[];
                            /** @description leave out what the customer bought: for-you becomes discovery */
                            excludePurchased?: boolean;
                        };
                    }[];
                    content?: string[];
                    /** @description answer as of this time (scheduled promotions, price lists, content and experiments as they will stand), recording nothing; a secret key or a console session only */
                    preview?: {
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        at: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decisionId: string;
                        personalized: boolean;
                        customer: {
                            segments: string[];
                            loyaltyTier?: string;
                        };
                        product?: {
                            productId: string;
                            product?: {
                                title: string;
                                /** @description the first is the main one; empty when none is known */
                                images: {
                                    url: string;
                                    alt: string;
                                }[];
                                handle?: string;
                                /** @description variants of one product share it: show them as one card */
                                groupId?: string;
                                inStock: boolean;
                                /** @description the other products of its group, in id order: the card stands for all of them */
                                variants?: {
                                    productId: string;
                                    title: string;
                                    inStock: boolean;
                                }[];
                            };
                            price?: {
                                productId: string;
                                quantity: number;
                                base?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                } | null;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                final?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                /** @description money in integer minor units of an ISO 4217 currency */
                                lineTotal?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                applied?: {
                                    priceListId: string;
                                    kind: string;
                                    reason: string;
                                }[];
                                personalized?: boolean;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                lowestPrice30d?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                tier?: {
                                    priceListId: string;
                                    minQuantity: number;
                                };
                                error?: {
                                    code: string;
                                };
                            };
                            offers?: {
                                promotionId: string;
                                badge: string;
                            }[];
                            /** @description the products the reason names by title, in order */
                            reasonProductIds?: string[];
                        };
                        listing?: {
                            items: {
                                productId: string;
                                title: string;
                                price: {
                                    productId: string;
                                    quantity: number;
                                    base?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    } | null;
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    final?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    lineTotal?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    applied?: {
                                        priceListId: string;
                                        kind: string;
                                        reason: string;
                                    }[];
                                    personalized?: boolean;
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    lowestPrice30d?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    tier?: {
                                        priceListId: string;
                                        minQuantity: number;
                                    };
                                    error?: {
                                        code: string;
                                    };
                                };
                                offers: {
                                    promotionId: string;
                                    badge: string;
                                }[];
                                inStock: boolean;
                                reasons: string[];
                                product?: {
                                    title: string;
                                    /** @description the first is the main one; empty when none is known */
                                    images: {
                                        url: string;
                                        alt: string;
                                    }[];
                                    handle?: string;
                                    /** @description variants of one product share it: show them as one card */
                                    groupId?: string;
                                    inStock: boolean;
                                    /** @description the other products of its group, in id order: the card stands for all of them */
                                    variants?: {
                                        productId: string;
                                        title: string;
                                        inStock: boolean;
                                    }[];
                                };
                            }[];
                            nextCursor: string | null;
                            /** @description the experiments whose variants this answer applies */
                            experiments?: {
                                experimentId: string;
                                variant: string;
                            }[];
                        };
                        recommendations: {
                            [key: string]: {
                                strategy: string;
                                items: {
                                    productId: string;
                                    score: number;
                                    reason: string;
                                    product?: {
                                        title: string;
                                        /** @description the first is the main one; empty when none is known */
                                        images: {
                                            url: string;
                                            alt: string;
                                        }[];
                                        handle?: string;
                                        /** @description variants of one product share it: show them as one card */
                                        groupId?: string;
                                        inStock: boolean;
                                        /** @description the other products of its group, in id order: the card stands for all of them */
                                        variants?: {
                                            productId: string;
                                            title: string;
                                            inStock: boolean;
                                        }[];
                                    };
                                    price?: {
                                        productId: string;
                                        quantity: number;
                                        base?: {
                                            /**
                                             * @description integer minor units (pence for GBP)
                                             * @example 295
                                             */
                                            amount: number;
                                            /**
                                             * Format: iso4217
                                             * @description ISO 4217 alphabetic code
                                             * @example GBP
                                             */
                                            currency: string;
                                        } | null;
                                        /** @description money in integer minor units of an ISO 4217 currency */
                                        final?: {
                                            /**
                                             * @description integer minor units (pence for GBP)
                                             * @example 295
                                             */
                                            amount: number;
                                            /**
                                             * Format: iso4217
                                             * @description ISO 4217 alphabetic code
                                             * @example GBP
                                             */
                                            currency: string;
                                        };
                                        /** @description money in integer minor units of an ISO 4217 currency */
                                        lineTotal?: {
                                            /**
                                             * @description integer minor units (pence for GBP)
                                             * @example 295
                                             */
                                            amount: number;
                                            /**
                                             * Format: iso4217
                                             * @description ISO 4217 alphabetic code
                                             * @example GBP
                                             */
                                            currency: string;
                                        };
                                        applied?: {
                                            priceListId: string;
                                            kind: string;
                                            reason: string;
                                        }[];
                                        personalized?: boolean;
                                        /** @description money in integer minor units of an ISO 4217 currency */
                                        lowestPrice30d?: {
                                            /**
                                             * @description integer minor units (pence for GBP)
                                             * @example 295
                                             */
                                            amount: number;
                                            /**
                                             * Format: iso4217
                                             * @description ISO 4217 alphabetic code
                                             * @example GBP
                                             */
                                            currency: string;
                                        };
                                        tier?: {
                                            priceListId: string;
                                            minQuantity: number;
                                        };
                                        error?: {
                                            code: string;
                                        };
                                    };
                                    offers?: {
                                        promotionId: string;
                                        badge: string;
                                    }[];
                                    /** @description the products the reason names by title, in order */
                                    reasonProductIds?: string[];
                                }[];
                                /** @enum {string} */
                                fallback?: "popular";
                                /** @description the experiments whose variants this answer applies */
                                experiments?: {
                                    experimentId: string;
                                    variant: string;
                                }[];
                            };
                        };
                        content: {
                            [key: string]: {
                                variantId: string;
                                payload: unknown;
                                reason: string;
                            };
                        };
                        cart?: {
                            orderId?: string;
                            currency: string;
                            lines: {
                                productId: string;
                                quantity: number;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                unitPrice: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                discounts: {
                                    promotionId: string;
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    amount: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                }[];
                                /** @description money in integer minor units of an ISO 4217 currency */
                                total: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                product?: {
                                    title: string;
                                    /** @description the first is the main one; empty when none is known */
                                    images: {
                                        url: string;
                                        alt: string;
                                    }[];
                                    handle?: string;
                                    /** @description variants of one product share it: show them as one card */
                                    groupId?: string;
                                    inStock: boolean;
                                    /** @description the other products of its group, in id order: the card stands for all of them */
                                    variants?: {
                                        productId: string;
                                        title: string;
                                        inStock: boolean;
                                    }[];
                                };
                                free?: boolean;
                                addedBy?: string;
                            }[];
                            /** @description money in integer minor units of an ISO 4217 currency */
                            subtotal: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            discounts: {
                                promotionId: string;
                                couponCode?: string;
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                target: string;
                            }[];
                            shipping?: {
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                /** @description money in integer minor units of an ISO 4217 currency */
                                discount: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                            };
                            /** @description money in integer minor units of an ISO 4217 currency */
                            total: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                            applied: {
                                promotionId: string;
                                couponCode?: string;
                                reason: string;
                            }[];
                            rejected: {
                                promotionId?: string;
                                couponCode?: string;
                                reason: string;
                            }[];
                            nudges: {
                                promotionId: string;
                                message: string;
                                missing: {
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    amount?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    quantity?: number;
                                };
                            }[];
                        } | {
                            error: {
                                code: string;
                                detail: string;
                            };
                        };
                        offers: {
                            promotionId: string;
                            title: string;
                            badge: string;
                            endsAt?: string;
                            missing?: {
                                /** @description money in integer minor units of an ISO 4217 currency */
                                amount?: {
                                    /**
                                     * @description integer minor units (pence for GBP)
                                     * @example 295
                                     */
                                    amount: number;
                                    /**
                                     * Format: iso4217
                                     * @description ISO 4217 alphabetic code
                                     * @example GBP
                                     */
                                    currency: string;
                                };
                                quantity?: number;
                            };
                            /** @description what the promotion puts in the cart (a gift, the named free item), hydrated as include asks */
                            products?: {
                                productId: string;
                                product?: {
                                    title: string;
                                    /** @description the first is the main one; empty when none is known */
                                    images: {
                                        url: string;
                                        alt: string;
                                    }[];
                                    handle?: string;
                                    /** @description variants of one product share it: show them as one card */
                                    groupId?: string;
                                    inStock: boolean;
                                    /** @description the other products of its group, in id order: the card stands for all of them */
                                    variants?: {
                                        productId: string;
                                        title: string;
                                        inStock: boolean;
                                    }[];
                                };
                                price?: {
                                    productId: string;
                                    quantity: number;
                                    base?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    } | null;
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    final?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    lineTotal?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    applied?: {
                                        priceListId: string;
                                        kind: string;
                                        reason: string;
                                    }[];
                                    personalized?: boolean;
                                    /** @description money in integer minor units of an ISO 4217 currency */
                                    lowestPrice30d?: {
                                        /**
                                         * @description integer minor units (pence for GBP)
                                         * @example 295
                                         */
                                        amount: number;
                                        /**
                                         * Format: iso4217
                                         * @description ISO 4217 alphabetic code
                                         * @example GBP
                                         */
                                        currency: string;
                                    };
                                    tier?: {
                                        priceListId: string;
                                        minQuantity: number;
                                    };
                                    error?: {
                                        code: string;
                                    };
                                };
                                offers?: {
                                    promotionId: string;
                                    badge: string;
                                }[];
                                /** @description the products the reason names by title, in order */
                                reasonProductIds?: string[];
                            }[];
                        }[];
                        experiments: {
                            experimentId: string;
                            variant: string;
                        }[];
                        preview?: {
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            at: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getAnalyticsOverview: {
        parameters: {
            query?: {
                /** @description Start (inclusive, rounded down to its UTC day); default: 30 days before `to` */
                from?: string;
                /** @description End (exclusive, rounded up to a UTC day); default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        from: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        to: string;
                        impressions: number;
                        clicks: number;
                        ctr: number;
                        attributedOrders: number;
                        /** @description money in integer minor units of an ISO 4217 currency */
                        attributedRevenue: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        /** @description money in integer minor units of an ISO 4217 currency */
                        discountCost: {
                            /**
                             * @description integer minor units (pence for GBP)
                             * @example 295
                             */
                            amount: number;
                            /**
                             * Format: iso4217
                             * @description ISO 4217 alphabetic code
                             * @example GBP
                             */
                            currency: string;
                        };
                        discountByPromotion: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            promotionId: string;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            discountCost: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                        }[];
                        bySlot: {
                            slot: string;
                            strategy: string;
                            impressions: number;
                            clicks: number;
                            ctr: number;
                            /** @description money in integer minor units of an ISO 4217 currency */
                            attributedRevenue: {
                                /**
                                 * @description integer minor units (pence for GBP)
                                 * @example 295
                                 */
                                amount: number;
                                /**
                                 * Format: iso4217
                                 * @description ISO 4217 alphabetic code
                                 * @example GBP
                                 */
                                currency: string;
                            };
                        }[];
                        holdout?: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            experimentId: string;
                            metric: string;
                            uplift: number;
                            ci95: [
                                number,
                                number
                            ];
                        };
                        /** @description every segment and its member count now, whatever the range */
                        segments: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            segmentId: string;
                            members: number;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getAnalyticsTimeseries: {
        parameters: {
            query: {
                /** @description Money metrics (`revenue`, `discountCost`) are in minor units of the store currency */
                metric: "impressions" | "clicks" | "ctr" | "orders" | "revenue" | "discountCost" | "segment_size";
                /**
                 * @description The segment whose size `segment_size` shows (only then)
                 * @example 85123A
                 */
                segment?: string;
                /** @description Only `day` */
                interval?: "day";
                /** @description Start (inclusive, rounded down to its UTC day); default: 30 days before `to` */
                from?: string;
                /** @description End (exclusive, rounded up to a UTC day); default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        metric: string;
                        /** @enum {string} */
                        interval: "day";
                        points: {
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            at: string;
                            value: number;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        status: string;
                        trigger: unknown;
                        audience?: unknown;
                        holdoutPercent: number;
                        attributionDays: number;
                        steps: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    putJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    status: "active" | "paused";
                    /** @description what starts the journey for a customer: one kind */
                    trigger: {
                        /** @description Order Completed, Order Refunded or Product Added */
                        event?: string;
                        abandonedCart?: {
                            /** @description a duration such as 30m, 2h, 14d or 2w ("0": none) */
                            after: string;
                        };
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        segmentEntered?: string;
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        segmentExited?: string;
                        /** @enum {boolean} */
                        tierChanged?: true;
                        /** @description a duration such as 30m, 2h, 14d or 2w ("0": none) */
                        quietFor?: string;
                    };
                    /** @description a customer in any of these segments; none: everyone */
                    audience?: {
                        segments?: string[];
                    };
                    /** @description default 0 */
                    holdoutPercent?: number;
                    /** @description default 7 */
                    attributionDays?: number;
                    steps: {
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        id: string;
                        /** @description a duration such as 30m, 2h, 14d or 2w ("0": none) */
                        delay?: string;
                        /**
                         * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                         * @example 85123A
                         */
                        webhookId: string;
                        coupon?: {
                            /**
                             * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                             * @example 85123A
                             */
                            promotionId: string;
                            /** @description a duration such as 30m, 2h, 14d or 2w ("0": none) */
                            expiresIn: string;
                        };
                        recommendations?: {
                            strategy: string;
                            limit: number;
                        };
                        content?: string[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        status: string;
                        trigger: unknown;
                        audience?: unknown;
                        holdoutPercent: number;
                        attributionDays: number;
                        steps: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        status: string;
                        trigger: unknown;
                        audience?: unknown;
                        holdoutPercent: number;
                        attributionDays: number;
                        steps: unknown[];
                        version: number;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listJourneys: {
        parameters: {
            query?: {
                /** @description page size, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            status: string;
                            trigger: unknown;
                            audience?: unknown;
                            holdoutPercent: number;
                            attributionDays: number;
                            steps: unknown[];
                            version: number;
                            updatedAt: string;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getJourneyStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journeyId: string;
                        steps: {
                            stepId: string;
                            pending: number;
                            sent: number;
                            heldOut: number;
                            /** @description by reason */
                            skipped: {
                                [key: string]: number;
                            };
                            couponsRedeemed: number;
                            orders: number;
                            revenue: {
                                amount: number;
                                currency: string;
                            };
                        }[];
                        holdout?: {
                            messaged: {
                                [key: string]: unknown;
                            };
                            heldOut: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    simulateJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description 1-128 characters of A-Z a-z 0-9 . _ : -
                 * @example 85123A
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601, UTC
                     */
                    at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journeyId: string;
                        userId: string;
                        at: string;
                        /** @description send, hold_out, skip (with its reason) or defer (quiet hours) */
                        decision: {
                            action: string;
                            reason?: string;
                            until?: number;
                        };
                        message: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getLastJourneyMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: {
                            messageId: string;
                            sentAt: string;
                            payload: unknown;
                        } | null;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    openStream: {
        parameters: {
            query?: {
                userId?: string;
                anonymousId?: string;
                /** @description a publishable (or secret) API key */
                key?: string;
                /** @description the customer token for userId (without it, anonymous) */
                token?: string;
                /**
                 * @description ISO 4217 alphabetic code
                 * @example GBP
                 */
                currency?: string;
                country?: string;
                channel?: string;
                device?: string;
                /** @description up to 50 comma-separated ids of products the page shows; the cart and recent views are added */
                products?: string;
                /** @description resume after this id (as the Last-Event-ID header does) */
                lastEventId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    tailEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        /** @description stable, machine-readable; see docs/errors.md */
                        code: string;
                        detail?: string;
                        /** @description JSON Pointer to the offending field */
                        pointer?: string;
                        in?: "body" | "query" | "path" | "header";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
}
