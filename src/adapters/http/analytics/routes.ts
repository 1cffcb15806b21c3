import type { FastifyInstance } from 'fastify';
import type { AnalyticsService } from '../../../app/analytics/analytics-service.js';
import { commonProblems } from '../common-schemas.js';
import { HttpProblem } from '../problem.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { OverviewQuery, OverviewResponse, TimeseriesQuery, TimeseriesResponse } from './schemas.js';

const DAY_MS = 86_400_000;
/** The longest range one request may cover: a year of days. */
const MAX_DAYS = 366;

/** The requested range in epoch ms; `to` defaults to now and `from` to 30 days before it. */
function rangeOf(query: { from?: string; to?: string }, now: number): { from: number; to: number } {
  const to = query.to === undefined ? now : Date.parse(query.to);
  const from = query.from === undefined ? to - 30 * DAY_MS : Date.parse(query.from);
  if (from >= to)
    throw new HttpProblem('out_of_range', '`to` must be after `from`', { in: 'query', pointer: '/to' });
  if (to - from > MAX_DAYS * DAY_MS) {
    throw new HttpProblem('out_of_range', `a range may cover at most ${MAX_DAYS} days`, {
      in: 'query',
      pointer: '/from',
    });
  }
  return { from, to };
}

/** The segment `segment_size` is asked for: named, and existing. */
function segmentOf(segment: string | undefined, hasSegment: (id: string) => boolean): string {
  if (segment === undefined) {
    throw new HttpProblem('missing_field', 'segment_size needs the segment', {
      in: 'query',
      pointer: '/segment',
    });
  }
  if (!hasSegment(segment)) {
    throw new HttpProblem('invalid_value', `no segment ${segment}`, { in: 'query', pointer: '/segment' });
  }
  return segment;
}

/** `/v1/analytics`: the outcomes dashboard's data (secret keys only). */
export function registerAnalyticsRoutes(
  parent: FastifyInstance,
  analytics: AnalyticsService,
  deps: {
    readonly currency: string;
    readonly now: () => number;
    /** Whether a segment exists, for `segment_size`. */
    readonly hasSegment: (id: string) => boolean;
  },
): void {
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['analytics'];
  const config = { scope: 'analytics:read' } as const;
  const money = (amount: number) => ({ amount, currency: deps.currency });
  const iso = (at: number) => new Date(at).toISOString();

  app.get(
    '/v1/analytics/overview',
    {
      config,
      schema: {
        tags,
        summary:
          'Impressions, clicks, CTR, attributed orders and revenue, discount cost and the holdout uplift',
        description:
          'Summed over whole UTC days. An order is attributed to the customer’s last decision in the 24 hours before it ' +
          '(docs/analytics.md); money is in the store currency.',
        querystring: OverviewQuery,
        response: { 200: OverviewResponse, ...commonProblems },
      },
    },
    async (request) => {
      const { from, to } = rangeOf(request.query, deps.now());
      const overview = await analytics.overview(from, to);
      return {
        from: iso(from),
        to: iso(to),
        ...overview,
        attributedRevenue: money(overview.attributedRevenue),
        discountCost: money(overview.discountCost),
        discountByPromotion: overview.discountByPromotion.map((entry) => ({
          promotionId: entry.promotionId,
          discountCost: money(entry.discountCost),
        })),
        bySlot: overview.bySlot.map((slot) => ({
          ...slot,
          attributedRevenue: money(slot.attributedRevenue),
        })),
      };
    },
  );

  app.get(
    '/v1/analytics/timeseries',
    {
      config,
      schema: {
        tags,
        summary: 'One metric per UTC day',
        description:
          'One point per day of the range, 0 on days with nothing; `ctr` is 0 on days without impressions. ' +
          '`segment_size` (with `segment`) is the segment’s member count at the end of each day (today: now).',
        querystring: TimeseriesQuery,
        response: { 200: TimeseriesResponse, ...commonProblems },
      },
    },
    async (request) => {
      const { metric, segment } = request.query;
      const { from, to } = rangeOf(request.query, deps.now());
      if (metric !== 'segment_size' && segment !== undefined) {
        throw new HttpProblem('invalid_value', 'only segment_size reads a segment', {
          in: 'query',
          pointer: '/segment',
        });
      }
      const points =
        metric === 'segment_size'
          ? await analytics.segmentSizes(segmentOf(segment, deps.hasSegment), from, to)
          : await analytics.timeseries(metric, from, to);
      return {
        metric: request.query.metric,
        interval: 'day' as const,
        points: points.map((point) => ({ at: iso(point.at), value: point.value })),
      };
    },
  );
}
