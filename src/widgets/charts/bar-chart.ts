/**
 * The one chart shape the deck uses: a horizontal bar chart, no animation (steps are the
 * animation), labelled rows, a titled x axis and tooltips in the lecture's words.
 */
import type { ChartConfiguration } from 'chart.js';
import { COUNT_TICKS } from './chart-style.ts';

/** The x-axis options the deck's charts set (a structural subset of Chart.js's). */
export interface XAxis {
  readonly type?: 'logarithmic' | 'linear';
  readonly min: number;
  readonly max: number;
  readonly title?: { display: boolean; font: { size: number }; text: string };
  readonly ticks?: {
    readonly maxRotation?: number;
    readonly stepSize?: number;
    readonly callback?: (value: number | string) => string;
  };
}

export interface BarChartSpec<D> {
  readonly labels: readonly string[];
  readonly seriesLabel: string;
  readonly data: readonly D[];
  readonly colors: readonly string[];
  readonly x: XAxis;
  /** Tooltip text for row i. */
  readonly tooltip?: (index: number) => string;
  /** False hides the row labels (a chart placed beside another with the same rows). */
  readonly rowLabels?: boolean;
}

/** Builds the Chart.js configuration for a horizontal bar chart. */
export function barChart<D extends number | [number, number]>(
  spec: BarChartSpec<D>,
): ChartConfiguration<'bar', D[], string> {
  return {
    type: 'bar',
    data: {
      labels: [...spec.labels],
      datasets: [
        {
          label: spec.seriesLabel,
          data: [...spec.data],
          backgroundColor: [...spec.colors],
          borderWidth: 0,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        tooltip: { callbacks: { label: (ctx) => spec.tooltip?.(ctx.dataIndex) ?? '' } },
      },
      scales: {
        x: spec.x,
        y:
          spec.rowLabels === false
            ? { display: false }
            : { ticks: { autoSkip: false, font: { size: 20 } } },
      },
    },
  };
}

/** A titled x axis; ticks level (never rotated) so they stay readable on a projector. */
export function axis(title: string, rest: XAxis): XAxis {
  return {
    ...rest,
    title: { display: true, font: { size: 18 }, text: title },
    ticks: { maxRotation: 0, ...rest.ticks },
  };
}

/** A log axis of counts per second from 1 000 to 10 000 000. */
export function countAxis(title: string): XAxis {
  return axis(title, {
    type: 'logarithmic',
    min: 1_000,
    max: 10_000_000,
    ticks: { callback: (value) => COUNT_TICKS[Number(value)] ?? '' },
  });
}
