/**
 * The one chart shape the deck uses: a horizontal bar chart, no animation (steps are the
 * animation), every row named on its axis and every bar labelled with its value, fonts sized for
 * the back row on the stage (smaller only when the chart itself is narrow: a phone).
 */
import type { ChartConfiguration, ChartType, Plugin, ScriptableScaleContext } from 'chart.js';
import { COUNT_TICKS } from './chart-style.ts';

/** Font size in slide pixels for a chart `width` pixels wide: 25 (24 on screen at 1280×720). */
export function chartFontSize(width: number): number {
  return width >= 560 ? 25 : 15;
}

const scaledFont = (ctx: ScriptableScaleContext) => ({ size: chartFontSize(ctx.chart.width) });

/** The x-axis options the deck's charts set (a structural subset of Chart.js's). */
export interface XAxis {
  readonly type?: 'logarithmic' | 'linear';
  readonly min: number;
  readonly max: number;
  /** False hides the ticks (the bars carry their values). */
  readonly display?: boolean;
  readonly ticks?: { readonly callback: (value: number | string) => string };
}

export interface BarChartSpec<D> {
  readonly labels: readonly string[];
  readonly seriesLabel: string;
  readonly data: readonly D[];
  readonly colors: readonly string[];
  /** The value written on (or next to) each bar; '' writes nothing. */
  readonly values: readonly string[];
  readonly x: XAxis;
  /** Tooltip text for row i. */
  readonly tooltip?: (index: number) => string;
}

const INK = '#1b1f24';
const GAP = 10;

/** The values written on the bars: chart options, so a chart's `update` replaces them too. */
interface BarValuesOptions {
  readonly values: readonly string[];
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface's own parameter
  interface PluginOptionsByType<TType extends ChartType> {
    deckBarValues?: BarValuesOptions;
  }
}

/** Writes each bar's value after its end, or inside it (white) when the plot has no room left. */
const barValues: Plugin<'bar', BarValuesOptions> = {
  id: 'deckBarValues',
  afterDatasetsDraw(chart, _args, { values }) {
    const { ctx, chartArea } = chart;
    const bars = chart.getDatasetMeta(0).data;
    ctx.save();
    ctx.font = `700 ${chartFontSize(chart.width)}px "PT Sans", system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    bars.forEach((bar, i) => {
      const text = values[i];
      const { x, y } = bar.getProps(['x', 'y'], true);
      if (!text || !Number.isFinite(x) || !Number.isFinite(y)) return;
      const width = ctx.measureText(text).width;
      const outside = x + GAP + width <= chartArea.right;
      const start = Math.max(chartArea.left, Math.min(x, bar.getProps(['base'], true).base));
      // A narrow chart (a phone) has room for neither: the figures table below gives the value.
      if (!outside && x - GAP - width < start + GAP) return;
      ctx.fillStyle = outside ? INK : '#ffffff';
      ctx.textAlign = outside ? 'left' : 'right';
      ctx.fillText(text, outside ? x + GAP : x - GAP, y);
    });
    ctx.restore();
  },
};

/** A long row label as two lines (a narrow chart), broken at the space nearest its middle. */
export function twoLines(label: string): string | string[] {
  if (label.length <= 14) return label;
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index);
  const middle = label.length / 2;
  const at = spaces.reduce(
    (best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best),
    -1,
  );
  return at <= 0 ? label : [label.slice(0, at), label.slice(at + 1)];
}

/** Builds the Chart.js configuration for a horizontal bar chart. */
export function barChart<D extends number | [number, number]>(
  spec: BarChartSpec<D>,
): ChartConfiguration<'bar', D[], string> {
  const { ticks, display, ...x } = spec.x;
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
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    plugins: [barValues],
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { right: 8 } },
      plugins: {
        legend: { display: false },
        deckBarValues: { values: spec.values },
        tooltip: { callbacks: { label: (ctx) => spec.tooltip?.(ctx.dataIndex) ?? '' } },
      },
      scales: {
        x: {
          ...x,
          display: display ?? true,
          // Level ticks: a rotated label is hard to read on a projector.
          ticks: { maxRotation: 0, font: scaledFont, ...ticks },
        },
        y: {
          ticks: {
            autoSkip: false,
            font: scaledFont,
            color: INK,
            callback(value) {
              const label = this.getLabelForValue(Number(value));
              return this.chart.width < 560 ? twoLines(label) : label;
            },
          },
        },
      },
    },
  };
}

/** A log axis of counts per second from 1 000 to 10 000 000. */
export const COUNT_AXIS: XAxis = {
  type: 'logarithmic',
  min: 1_000,
  max: 10_000_000,
  ticks: { callback: (value) => COUNT_TICKS[Number(value)] ?? '' },
};
