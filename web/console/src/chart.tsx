/**
 * A Chart.js chart in a canvas, with its numbers also in a table: the canvas is labelled for screen
 * readers, and the table is there for anyone who wants the figures. Only the pieces used are registered.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
);

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
}

const COLOURS = ['#1f5fbf', '#c2410c', '#15803d', '#7c3aed', '#be123c'];

export function ChartView(props: {
  kind: 'line' | 'bar';
  title: string;
  labels: readonly string[];
  series: readonly Series[];
  format?: (value: number) => string;
  test?: string;
}) {
  const { kind, title, labels, series, format = String, test } = props;
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (canvas.current === null) return;
    const config: ChartConfiguration<'line' | 'bar'> = {
      type: kind,
      data: {
        labels: [...labels],
        datasets: series.map((one, index) => ({
          label: one.label,
          data: [...one.values],
          borderColor: COLOURS[index % COLOURS.length],
          backgroundColor: COLOURS[index % COLOURS.length],
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // The page's screenshots and tests read the final state, not a frame of an animation.
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { callback: (value) => format(Number(value)) } } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [kind, labels, series, format]);

  return (
    <figure class="chart" data-test={test}>
      <figcaption>{title}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title} (chart; the figures are in the table below)`} />
      </div>
      <details>
        <summary>Figures for {title.toLowerCase()}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Label</span>
              </th>
              {series.map((one) => (
                <th key={one.label} scope="col">
                  {one.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((one) => (
                  <td key={one.label}>{format(one.values[row] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
