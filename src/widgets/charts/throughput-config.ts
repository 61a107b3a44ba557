/**
 * Pure Chart.js configurations for slide 4 (stores vs brokers): write throughput and write
 * latency on log scales, revealed one group per step. No DOM here, so it is tested in Node.
 */
import type { ChartConfiguration } from 'chart.js';
import { COUNT_AXIS, barChart } from './bar-chart.ts';
import { SERIES_STYLE } from './chart-style.ts';
import { STORE_FIGURES, formatMs } from './figures.ts';
import { WIDGETS } from '../../lecture/names.ts';

/** Scripted steps: 0 relational stores, 1 + MongoDB, 2 + in-memory brokers. */
export const THROUGHPUT_STEPS = WIDGETS['chart-throughput'].steps;

/** How many of STORE_FIGURES are visible at a step. */
export function visibleStores(step: number): number {
  return Math.max(1, Math.min(STORE_FIGURES.length, step + 1));
}

const labels = STORE_FIGURES.map((f) => `${SERIES_STYLE[f.kind].shape} ${f.label}`);
const colors = STORE_FIGURES.map((f) => SERIES_STYLE[f.kind].color);
const shownOnly = (shown: number, texts: readonly string[]) =>
  texts.map((t, i) => (i < shown ? t : ''));

/** Bar chart of writes per second (log scale, 1 000 … 10 000 000). */
export function throughputConfig(step: number): ChartConfiguration<'bar', number[], string> {
  const shown = visibleStores(step);
  return barChart({
    labels,
    colors,
    seriesLabel: 'записей или сообщений в секунду',
    data: STORE_FIGURES.map((f, i) => (i < shown ? f.writesPerSecond : Number.NaN)),
    values: shownOnly(
      shown,
      STORE_FIGURES.map((f) => f.writesText),
    ),
    x: COUNT_AXIS,
    tooltip: (i) => STORE_FIGURES[i]?.writesText ?? '',
  });
}

const LATENCY_TICKS: Readonly<Record<number, string>> = {
  0.1: '0,1 мс',
  1: '1 мс',
  10: '10 мс',
  100: '100 мс',
};

/** Floating bars of write latency in ms (log scale 0.1 … 100). */
export function latencyConfig(step: number): ChartConfiguration<'bar', [number, number][], string> {
  const shown = visibleStores(step);
  const texts = STORE_FIGURES.map(
    (f) => `${formatMs(f.latencyMs[0])}–${formatMs(f.latencyMs[1])} мс`,
  );
  return barChart<[number, number]>({
    labels,
    colors,
    seriesLabel: 'задержка записи, мс',
    data: STORE_FIGURES.map((f, i) =>
      i < shown ? [f.latencyMs[0], f.latencyMs[1]] : [Number.NaN, Number.NaN],
    ),
    values: shownOnly(shown, texts),
    x: {
      type: 'logarithmic',
      min: 0.1,
      max: 100,
      ticks: { callback: (value) => LATENCY_TICKS[Number(value)] ?? '' },
    },
    tooltip: (i) => texts[i] ?? '',
  });
}
