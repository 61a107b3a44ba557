/**
 * Pure Chart.js configurations for slides 5 and 35: the three brokers' speed (log scale) and
 * setup complexity, with the lecture's wording in the tooltips. No DOM, tested in Node.
 */
import type { ChartConfiguration } from 'chart.js';
import { axis, barChart, countAxis } from './bar-chart.ts';
import { SERIES_STYLE } from './chart-style.ts';
import { BROKER_FIGURES } from './figures.ts';

const labels = BROKER_FIGURES.map((b) => `${SERIES_STYLE[b.broker].shape} ${b.label}`);
const colors = BROKER_FIGURES.map((b) => SERIES_STYLE[b.broker].color);

/** Messages per second on a log scale, 1 000 … 10 000 000. */
export function brokerSpeedConfig(): ChartConfiguration<'bar', number[], string> {
  return barChart({
    labels,
    colors,
    seriesLabel: 'сообщений в секунду',
    data: BROKER_FIGURES.map((b) => b.messagesPerSecond),
    x: countAxis('скорость, сообщений/с (лог. шкала, типично)'),
    tooltip: (i) => BROKER_FIGURES[i]?.speedText ?? '',
  });
}

const COMPLEXITY_TICKS = ['', 'низкая', 'средняя', 'высокая'];

/** Setup complexity on an ordinal 1–3 scale with its words as ticks. */
export function brokerComplexityConfig(): ChartConfiguration<'bar', number[], string> {
  return barChart({
    labels,
    colors,
    rowLabels: false,
    seriesLabel: 'сложность настройки',
    data: BROKER_FIGURES.map((b) => b.complexity),
    x: axis('сложность настройки', {
      min: 0,
      max: 3,
      ticks: { stepSize: 1, callback: (value) => COMPLEXITY_TICKS[Number(value)] ?? '' },
    }),
    tooltip: (i) => BROKER_FIGURES[i]?.complexityText ?? '',
  });
}
