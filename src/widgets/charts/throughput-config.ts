/**
 * Pure Chart.js configurations for slide 4 (stores vs brokers): write throughput on a log scale
 * and write latency, revealed one group per step. No DOM here, so it is tested in Node.
 */
import type { ChartConfiguration } from 'chart.js';
import { SERIES_STYLE } from './chart-style.ts';
import { STORE_FIGURES } from './figures.ts';
import { COUNT_TICKS } from './chart-style.ts';

/** Scripted steps: 0 relational stores, 1 + MongoDB, 2 + in-memory brokers. */
export const THROUGHPUT_STEPS = 2;

/** How many of STORE_FIGURES are visible at a step. */
export function visibleStores(step: number): number {
  return Math.max(1, Math.min(STORE_FIGURES.length, step + 1));
}

function label(i: number): string {
  const f = STORE_FIGURES[i];
  return f ? `${SERIES_STYLE[f.kind].shape} ${f.label}` : '';
}

/** Bar chart of writes per second (log scale, 1 000 … 10 000 000). */
export function throughputConfig(step: number): ChartConfiguration<'bar', number[], string> {
  const shown = visibleStores(step);
  return {
    type: 'bar',
    data: {
      labels: STORE_FIGURES.map((_, i) => label(i)),
      datasets: [
        {
          label: 'записей или сообщений в секунду',
          data: STORE_FIGURES.map((f, i) => (i < shown ? f.writesPerSecond : Number.NaN)),
          backgroundColor: STORE_FIGURES.map((f) => SERIES_STYLE[f.kind].color),
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
        tooltip: { callbacks: { label: (ctx) => STORE_FIGURES[ctx.dataIndex]?.writesText ?? '' } },
      },
      scales: {
        x: {
          type: 'logarithmic',
          min: 1_000,
          max: 10_000_000,
          title: {
            display: true,
            font: { size: 18 },
            text: 'в секунду, логарифмическая шкала (типично)',
          },
          ticks: {
            maxRotation: 0,
            callback: (value) => {
              const n = Number(value);
              return COUNT_TICKS[n] ?? '';
            },
          },
        },
        y: { ticks: { autoSkip: false, font: { size: 20 } } },
      },
    },
  };
}

/** Floating bars of write latency in ms (log scale 0.1 … 100). */
export function latencyConfig(step: number): ChartConfiguration<'bar', [number, number][], string> {
  const shown = visibleStores(step);
  return {
    type: 'bar',
    data: {
      labels: STORE_FIGURES.map((_, i) => label(i)),
      datasets: [
        {
          label: 'задержка записи, мс',
          data: STORE_FIGURES.map((f, i) =>
            i < shown ? [f.latencyMs[0], f.latencyMs[1]] : [Number.NaN, Number.NaN],
          ),
          backgroundColor: STORE_FIGURES.map((f) => SERIES_STYLE[f.kind].color),
          borderWidth: 0,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: {
          type: 'logarithmic',
          min: 0.1,
          max: 100,
          title: { display: true, font: { size: 18 }, text: 'задержка, мс (лог. шкала, типично)' },
          ticks: {
            maxRotation: 0,
            callback: (value) => {
              const n = Number(value);
              return [0.1, 1, 10, 100].includes(n) ? String(n).replace('.', ',') : '';
            },
          },
        },
        y: { display: false },
      },
    },
  };
}
