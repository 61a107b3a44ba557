/**
 * Pure Chart.js configurations for slides 5 and 35: the three brokers' speed (log scale) and
 * setup complexity, with the lecture's wording in the tooltips. No DOM, tested in Node.
 */
import type { ChartConfiguration } from 'chart.js';
import { SERIES_STYLE } from './chart-style.ts';
import { BROKER_FIGURES } from './figures.ts';
import { COUNT_TICKS } from './chart-style.ts';

const labels = BROKER_FIGURES.map((b) => `${SERIES_STYLE[b.broker].shape} ${b.label}`);
const colors = BROKER_FIGURES.map((b) => SERIES_STYLE[b.broker].color);

/** Messages per second on a log scale, 1 000 … 10 000 000. */
export function brokerSpeedConfig(): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: 'сообщений в секунду',
          data: BROKER_FIGURES.map((b) => b.messagesPerSecond),
          backgroundColor: colors,
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
        tooltip: { callbacks: { label: (ctx) => BROKER_FIGURES[ctx.dataIndex]?.speedText ?? '' } },
      },
      scales: {
        y: { ticks: { autoSkip: false, font: { size: 20 } } },
        x: {
          type: 'logarithmic',
          min: 1_000,
          max: 10_000_000,
          title: {
            display: true,
            font: { size: 18 },
            text: 'скорость, сообщений/с (лог. шкала, типично)',
          },
          ticks: {
            maxRotation: 0,
            callback: (value) => {
              const n = Number(value);
              return COUNT_TICKS[n] ?? '';
            },
          },
        },
      },
    },
  };
}

const COMPLEXITY_TICKS = ['', 'низкая', 'средняя', 'высокая'];

/** Setup complexity on an ordinal 1–3 scale with its words as ticks. */
export function brokerComplexityConfig(): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: 'сложность настройки',
          data: BROKER_FIGURES.map((b) => b.complexity),
          backgroundColor: colors,
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
        tooltip: {
          callbacks: { label: (ctx) => BROKER_FIGURES[ctx.dataIndex]?.complexityText ?? '' },
        },
      },
      scales: {
        x: {
          min: 0,
          max: 3,
          title: { display: true, font: { size: 18 }, text: 'сложность настройки' },
          ticks: {
            stepSize: 1,
            maxRotation: 0,
            callback: (value) => COMPLEXITY_TICKS[Number(value)] ?? '',
          },
        },
        y: { display: false },
      },
    },
  };
}
