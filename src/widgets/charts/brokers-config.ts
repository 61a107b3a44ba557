/**
 * Pure Chart.js configurations for slide 5: the three brokers' speed (log scale) and setup
 * complexity, every bar named and labelled in the lecture's words. No DOM, tested in Node.
 */
import type { ChartConfiguration } from 'chart.js';
import { COUNT_AXIS, barChart, type BarChartSpec } from './bar-chart.ts';
import { SERIES_STYLE } from './chart-style.ts';
import { BROKER_FIGURES, type BrokerFigure } from './figures.ts';

const labels = BROKER_FIGURES.map((b) => `${SERIES_STYLE[b.broker].shape} ${b.label}`);
const colors = BROKER_FIGURES.map((b) => SERIES_STYLE[b.broker].color);

/** A bar per broker: `value` sets its length, `text` the words on it and in its tooltip. */
function brokerBars(
  seriesLabel: string,
  value: (b: BrokerFigure) => number,
  text: (b: BrokerFigure) => string,
  x: BarChartSpec<number>['x'],
): ChartConfiguration<'bar', number[], string> {
  return barChart({
    labels,
    colors,
    seriesLabel,
    data: BROKER_FIGURES.map(value),
    values: BROKER_FIGURES.map(text),
    x,
    tooltip: (i) => {
      const b = BROKER_FIGURES[i];
      return b ? text(b) : '';
    },
  });
}

/** Messages per second on a log scale, 1 000 … 10 000 000. */
export function brokerSpeedConfig(): ChartConfiguration<'bar', number[], string> {
  return brokerBars(
    'сообщений в секунду',
    (b) => b.messagesPerSecond,
    (b) => b.speedText,
    COUNT_AXIS,
  );
}

/** Setup complexity on an ordinal 1–3 scale; each bar says its word, so the axis has no ticks. */
export function brokerComplexityConfig(): ChartConfiguration<'bar', number[], string> {
  return brokerBars(
    'сложность настройки',
    (b) => b.complexity,
    (b) => b.complexityText,
    {
      min: 0,
      max: 3,
      display: false,
    },
  );
}
