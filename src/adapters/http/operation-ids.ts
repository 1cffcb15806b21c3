import type { FastifyInstance } from 'fastify';

/**
 * Every operation's `operationId` in the OpenAPI document, by method and path. Generated clients name
 * their functions after these, so they are part of the public contract: never rename one. A route that
 * is missing here fails `operation-ids.test.ts`.
 */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  'GET /healthz': 'checkHealth',
  'GET /readyz': 'checkReadiness',
  'PUT /v1/products/{id}': 'putProduct',
  'GET /v1/products/{id}': 'getProduct',
  'DELETE /v1/products/{id}': 'deleteProduct',
  'GET /v1/products': 'listProducts',
  'POST /v1/products:batch': 'putProducts',
  'PUT /v1/inventory/{productId}': 'putInventory',
  'PUT /v1/collections/{id}': 'putCollection',
  'GET /v1/collections/{id}': 'getCollection',
  'DELETE /v1/collections/{id}': 'deleteCollection',
  'GET /v1/collections': 'listCollections',
  'GET /v1/collections/{id}/products': 'listCollectionProducts',
  'POST /v1/track': 'track',
  'POST /v1/identify': 'identify',
  'POST /v1/page': 'page',
  'POST /v1/screen': 'screen',
  'POST /v1/group': 'group',
  'POST /v1/alias': 'alias',
  'POST /v1/batch': 'batch',
  'GET /v1/profiles/{id}': 'getProfile',
  'DELETE /v1/profiles/{id}': 'eraseProfile',
  'PUT /v1/profiles/{id}/consent': 'putConsent',
  'GET /v1/profiles/{id}/export': 'exportProfile',
  'POST /v1/customer-tokens': 'issueCustomerToken',
  'POST /v1/customer-tokens:revoke': 'revokeCustomerTokens',
  'PUT /v1/segments/{id}': 'putSegment',
  'GET /v1/segments/{id}': 'getSegment',
  'DELETE /v1/segments/{id}': 'deleteSegment',
  'GET /v1/segments': 'listSegments',
  'GET /v1/segments/{id}/members': 'listSegmentMembers',
  'PUT /v1/loyalty/program': 'putLoyaltyProgram',
  'GET /v1/loyalty/program': 'getLoyaltyProgram',
  'PUT /v1/webhooks/{id}': 'putWebhook',
  'GET /v1/webhooks/{id}': 'getWebhook',
  'DELETE /v1/webhooks/{id}': 'deleteWebhook',
  'GET /v1/webhooks': 'listWebhooks',
  'GET /v1/webhooks/{id}/deliveries': 'listWebhookDeliveries',
  'PUT /v1/experiments/{id}': 'putExperiment',
  'GET /v1/experiments/{id}': 'getExperiment',
  'DELETE /v1/experiments/{id}': 'deleteExperiment',
  'GET /v1/experiments': 'listExperiments',
  'GET /v1/experiments/{id}/results': 'getExperimentResults',
  'PUT /v1/journeys/{id}': 'putJourney',
  'GET /v1/journeys/{id}': 'getJourney',
  'DELETE /v1/journeys/{id}': 'deleteJourney',
  'GET /v1/journeys': 'listJourneys',
  'GET /v1/journeys/{id}/stats': 'getJourneyStats',
  'POST /v1/journeys/{id}:simulate': 'simulateJourney',
  'GET /v1/journeys/messages/{userId}/last': 'getLastJourneyMessage',
  'PUT /v1/price-lists/{id}': 'putPriceList',
  'GET /v1/price-lists/{id}': 'getPriceList',
  'DELETE /v1/price-lists/{id}': 'deletePriceList',
  'GET /v1/price-lists': 'listPriceLists',
  'POST /v1/prices:resolve': 'resolvePrices',
  'PUT /v1/promotions/{id}': 'putPromotion',
  'GET /v1/promotions/{id}': 'getPromotion',
  'DELETE /v1/promotions/{id}': 'deletePromotion',
  'GET /v1/promotions': 'listPromotions',
  'POST /v1/promotions/{id}/coupons:generate': 'generateCoupons',
  'POST /v1/carts:evaluate': 'evaluateCart',
  'POST /v1/offers': 'getOffers',
  'POST /v1/orders': 'placeOrder',
  'GET /v1/orders/{orderId}': 'getOrder',
  'GET /v1/orders': 'listOrders',
  'POST /v1/recommendations': 'recommend',
  'POST /v1/recommendations/models:rebuild': 'rebuildRecommendationModels',
  'PUT /v1/recommendations/rules': 'putRecommendationRules',
  'GET /v1/recommendations/rules': 'getRecommendationRules',
  'PUT /v1/content/slots/{slot}': 'putContentSlot',
  'GET /v1/content/slots/{slot}': 'getContentSlot',
  'DELETE /v1/content/slots/{slot}': 'deleteContentSlot',
  'POST /v1/content:resolve': 'resolveContent',
  'POST /v1/listings': 'getListing',
  'PUT /v1/listings/rules': 'putListingRules',
  'GET /v1/listings/rules': 'getListingRules',
  'POST /v1/decide': 'decide',
  'GET /v1/stream': 'openStream',
  'GET /v1/events/live': 'tailEvents',
  'GET /v1/analytics/overview': 'getAnalyticsOverview',
  'GET /v1/analytics/timeseries': 'getAnalyticsTimeseries',
  'GET /v1/keys': 'listKeys',
  'POST /v1/keys': 'createKey',
  'DELETE /v1/keys/{id}': 'revokeKey',
  'POST /v1/keys/{id}:rotate': 'rotateKey',
  'GET /v1/users': 'listUsers',
  'POST /v1/users': 'createUser',
  'DELETE /v1/users/{id}': 'deleteUser',
  'POST /v1/sessions': 'signIn',
  'GET /v1/sessions/current': 'getCurrentSession',
  'DELETE /v1/sessions/current': 'signOut',
  'GET /v1/audit': 'listAudit',
};

/** The key of a route in {@link OPERATION_IDS}: `GET /v1/products/{id}` for Fastify's `/v1/products/:id`. */
export function operationKey(method: string, url: string): string {
  const path = url
    .replaceAll('::', '\u0000')
    // A parameter may carry a pattern (`:id(^[A-Za-z0-9._-]+)`) where a literal follows it in its segment.
    .replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, '{$1}')
    .replaceAll('\u0000', ':');
  return `${method} ${path}`;
}

/** Gives each documented route its `operationId` as it is registered (before the OpenAPI document is built). */
export function installOperationIds(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.schema === undefined || route.schema.hide === true) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const operationId = OPERATION_IDS[operationKey(method, route.url)];
      if (operationId !== undefined) route.schema = { ...route.schema, operationId };
    }
  });
}
