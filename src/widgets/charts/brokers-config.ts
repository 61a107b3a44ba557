/**
 * Pure Chart.js configurations for slide 5: the three brokers' speed (log scale) and setup
 * complexity, every bar named and labelled in the lecture's words. No DOM, tested in Node.
 */
import type { ChartConfiguration } from 'chart.js';
import { COUNT_AXIS, barChart } from './bar-chart.ts';
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
    values: BROKER_FIGURES.map((b) => b.speedText),
    x: COUNT_AXIS,
    tooltip: (i) => BROKER_FIGURES[i]?.speedText ?? '',
  });
}

/** Setup complexity on an ordinal 1–3 scale; each bar says its word, so the axis has no ticks. */
export function brokerComplexityConfig(): ChartConfiguration<'bar', number[], string> {
  return barChart({
    labels,
    colors,
    seriesLabel: 'сложность настройки',
    data: BROKER_FIGURES.map((b) => b.complexity),
    values: BROKER_FIGURES.map((b) => b.complexityText),
    x: { min: 0, max: 3, display: false },
    tooltip: (i) => BROKER_FIGURES[i]?.complexityText ?? '',
  });
}
