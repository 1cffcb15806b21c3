/** The outcomes dashboard: GET /v1/analytics/overview for the last 30 days and its daily series as charts. */
import { useMemo } from 'preact/hooks';
import { api, formatMoney, must } from '../api.js';
import { ChartView } from '../chart.js';
import { Loading, Page, Problem, useLoad } from '../ui.js';

const DAY_MS = 24 * 3_600_000;

function percent(ratio: number | undefined): string {
  return `${((ratio ?? 0) * 100).toFixed(1)} %`;
}

export function DashboardPage() {
  const from = useMemo(() => new Date(Date.now() - 30 * DAY_MS).toISOString(), []);
  const overview = useLoad(() => must(api.GET('/v1/analytics/overview', { params: { query: { from } } })));
  const series = useLoad(async () => {
    const daily = (metric: 'impressions' | 'orders' | 'revenue') =>
      must(api.GET('/v1/analytics/timeseries', { params: { query: { metric, interval: 'day', from } } }));
    const [impressions, orders, revenue] = await Promise.all([
      daily('impressions'),
      daily('orders'),
      daily('revenue'),
    ]);
    return { impressions, orders, revenue };
  });

  const data = overview.data;
  const currency = data?.attributedRevenue.currency ?? 'GBP';
  const money = useMemo(
    () => (minor: number) => formatMoney({ amount: Math.round(minor), currency }),
    [currency],
  );
  const days = useMemo(
    () => series.data?.impressions.points.map((point) => point.at.slice(5, 10)) ?? [],
    [series.data],
  );
  const activity = useMemo(
    () =>
      series.data === undefined
        ? []
        : [
            { label: 'Impressions', values: series.data.impressions.points.map((point) => point.value) },
            { label: 'Orders', values: series.data.orders.points.map((point) => point.value) },
          ],
    [series.data],
  );
  const revenue = useMemo(
    () =>
      series.data === undefined
        ? []
        : [{ label: 'Attributed revenue', values: series.data.revenue.points.map((p) => p.value) }],
    [series.data],
  );

  return (
    <Page title="Dashboard">
      <Problem error={overview.error ?? series.error} />
      {data === undefined ? (
        <Loading what="the outcomes" />
      ) : (
        <dl class="tiles" data-test="overview">
          <div>
            <dt>Impressions</dt>
            <dd>{data.impressions}</dd>
          </div>
          <div>
            <dt>Clicks (CTR)</dt>
            <dd>
              {data.clicks} ({(data.ctr * 100).toFixed(1)} %)
            </dd>
          </div>
          <div>
            <dt>Attributed orders</dt>
            <dd>{data.attributedOrders}</dd>
          </div>
          <div>
            <dt>Attributed revenue</dt>
            <dd>{formatMoney(data.attributedRevenue)}</dd>
          </div>
          <div>
            <dt>Discount cost</dt>
            <dd>{formatMoney(data.discountCost)}</dd>
          </div>
          {data.holdout !== undefined && (
            <div>
              <dt>Personalisation uplift ({data.holdout.metric})</dt>
              <dd>
                {percent(data.holdout.uplift)} (95 % CI {percent(data.holdout.ci95[0])} to{' '}
                {percent(data.holdout.ci95[1])})
              </dd>
            </div>
          )}
        </dl>
      )}
      {series.data !== undefined && (
        <div class="charts">
          <ChartView
            kind="line"
            title="Impressions and orders per day"
            labels={days}
            series={activity}
            test="chart-activity"
          />
          <ChartView
            kind="bar"
            title="Attributed revenue per day"
            labels={days}
            series={revenue}
            format={money}
            test="chart-revenue"
          />
        </div>
      )}
      {data !== undefined && data.bySlot.length > 0 && (
        <table>
          <caption>By slot</caption>
          <thead>
            <tr>
              <th scope="col">Slot</th>
              <th scope="col">Strategy</th>
              <th scope="col">Impressions</th>
              <th scope="col">CTR</th>
              <th scope="col">Revenue</th>
            </tr>
          </thead>
          <tbody>
            {data.bySlot.map((slot) => (
              <tr key={`${slot.slot}/${slot.strategy}`}>
                <td>{slot.slot}</td>
                <td>{slot.strategy}</td>
                <td>{slot.impressions}</td>
                <td>{(slot.ctr * 100).toFixed(1)} %</td>
                <td>{formatMoney(slot.attributedRevenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
