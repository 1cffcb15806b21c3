/** Experiments: the list and, for the one chosen, its results per variant as charts (GET …/results). */
import { useMemo, useState } from 'preact/hooks';
import { api, must } from '../api.js';
import { ChartView } from '../chart.js';
import { Loading, Page, Problem, useLoad } from '../ui.js';

export function ExperimentsPage() {
  const list = useLoad(() => must(api.GET('/v1/experiments', { params: { query: { limit: 100 } } })));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  return (
    <Page title="Experiments">
      <Problem error={list.error} />
      {list.data === undefined ? (
        <Loading what="experiments" />
      ) : list.data.items.length === 0 ? (
        <p>No experiments yet (PUT /v1/experiments/&#123;id&#125;).</p>
      ) : (
        <ul class="choices">
          {list.data.items.map((experiment) => (
            <li key={experiment.id}>
              <button
                type="button"
                aria-pressed={chosen === experiment.id}
                onClick={() => setChosen(experiment.id)}
              >
                {experiment.name} ({experiment.status}, {experiment.trafficPercent} % of traffic)
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen !== undefined && <Results key={chosen} id={chosen} />}
    </Page>
  );
}

function Results({ id }: { id: string }) {
  const results = useLoad(() => must(api.GET('/v1/experiments/{id}/results', { params: { path: { id } } })));
  const data = results.data;
  const labels = useMemo(() => data?.variants.map((variant) => variant.id) ?? [], [data]);
  const rates = useMemo(
    () => [
      {
        label: 'Conversion rate (%)',
        values: data?.variants.map((variant) => variant.conversionRate * 100) ?? [],
      },
    ],
    [data],
  );
  const revenue = useMemo(
    () => [
      {
        label: 'Revenue per unit (minor units)',
        values: data?.variants.map((variant) => variant.revenuePerUnit) ?? [],
      },
    ],
    [data],
  );
  const percent = useMemo(() => (value: number) => `${value.toFixed(1)} %`, []);
  if (results.error !== undefined) return <Problem error={results.error} />;
  if (data === undefined) return <Loading what="results" />;
  return (
    <section aria-labelledby="results-title" data-test="experiment-results">
      <h2 id="results-title">Results of {id}</h2>
      <p>
        {data.enoughData
          ? 'Enough data for a comparison.'
          : 'Not enough data yet: read the figures with care.'}{' '}
        {data.srm.flagged && (
          <strong>Sample ratio mismatch (p = {data.srm.pValue.toFixed(4)}): check the assignment.</strong>
        )}
      </p>
      <div class="charts">
        <ChartView
          kind="bar"
          title="Conversion rate by variant"
          labels={labels}
          series={rates}
          format={percent}
          test="chart-conversion"
        />
        <ChartView
          kind="bar"
          title="Revenue per unit by variant"
          labels={labels}
          series={revenue}
          test="chart-revenue-per-unit"
        />
      </div>
      <table data-test="variants">
        <caption>Variants against the control</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Units</th>
            <th scope="col">Conversions</th>
            <th scope="col">Uplift (95 % CI)</th>
            <th scope="col">p</th>
          </tr>
        </thead>
        <tbody>
          {data.variants.map((variant, index) => (
            <tr key={variant.id}>
              <th scope="row">{variant.id}</th>
              <td>{variant.units}</td>
              <td>{variant.conversions}</td>
              <td>
                {variant.vsControl === undefined
                  ? index === 0
                    ? 'control'
                    : 'not enough data'
                  : `${(variant.vsControl.uplift * 100).toFixed(1)} % (${(Number(variant.vsControl.ci95[0]) * 100).toFixed(1)} to ${(Number(variant.vsControl.ci95[1]) * 100).toFixed(1)} %)`}
              </td>
              <td>{variant.vsControl?.pValue.toFixed(3) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
