/**
 * The chart widgets' pictures: titled Chart.js panels stacked to fill the stage (every row named,
 * every bar labelled), and for the lab face (the reading view) the figures with their sources.
 */
import { h } from '../runtime/dom.ts';
import { LAB_ONLY, type KitHost, type Painter } from '../runtime/kit.ts';
import { brokerComplexityConfig, brokerSpeedConfig } from './brokers-config.ts';
import { createChartPanel } from './chart-panel.ts';
import { SERIES_STYLE } from './chart-style.ts';
import { CHART_CLASS } from './classes.ts';
import { BROKER_FIGURES } from './figures.ts';
import { brokerFiguresTable, storeFiguresTable } from './figures-table.ts';
import type { BrokersView, ThroughputView } from './logic.ts';
import { latencyConfig, throughputConfig } from './throughput-config.ts';

/** Slide 4: write throughput above write latency, one more group per step. */
export function throughputPicture(host: KitHost<ThroughputView, never>): Painter<ThroughputView> {
  const speed = createChartPanel(
    host.disposer,
    'Запись в секунду (лог. шкала, типично)',
    'Записей в секунду по типам хранилищ, логарифмическая шкала',
    throughputConfig(0),
  );
  const latency = createChartPanel(
    host.disposer,
    'Задержка записи, мс (лог. шкала, типично)',
    'Задержка записи в миллисекундах, логарифмическая шкала',
    latencyConfig(0),
  );
  host.element.append(
    h('div', { class: CHART_CLASS.charts }, speed.element, latency.element),
    h('div', { class: LAB_ONLY }, storeFiguresTable()),
  );
  return (view) => {
    speed.update(throughputConfig(view.shown - 1));
    latency.update(latencyConfig(view.shown - 1));
  };
}

/** Slide 5: speed above setup complexity; the lab adds guarantees, use cases and sources. */
export function brokersPicture(host: KitHost<BrokersView, never>): Painter<BrokersView> {
  const speed = createChartPanel(
    host.disposer,
    'Скорость, сообщений/с (лог. шкала, типично)',
    'Сообщений в секунду: Redis 100 000+, RabbitMQ около 20 000, Kafka 1 000 000+',
    brokerSpeedConfig(),
  );
  const complexity = createChartPanel(
    host.disposer,
    'Сложность настройки',
    'Сложность настройки: Redis низкая, RabbitMQ средняя, Kafka высокая',
    brokerComplexityConfig(),
  );
  const guarantees = h(
    'ul',
    { class: CHART_CLASS.notes },
    ...BROKER_FIGURES.map((b) =>
      h(
        'li',
        { 'data-broker': b.broker },
        h(
          'span',
          { class: CHART_CLASS.shape, 'aria-hidden': 'true' },
          SERIES_STYLE[b.broker].shape,
        ),
        h('strong', {}, b.label),
        ` — ${b.guaranteeText}; ${b.useCases}`,
      ),
    ),
  );
  host.element.append(
    h('div', { class: CHART_CLASS.charts }, speed.element, complexity.element),
    h(
      'div',
      { class: LAB_ONLY },
      guarantees,
      ...BROKER_FIGURES.flatMap((b) =>
        b.guaranteeNote === null ? [] : [h('p', { class: CHART_CLASS.footnote }, b.guaranteeNote)],
      ),
      brokerFiguresTable(),
    ),
  );
  return () => undefined;
}
