/**
 * Widget `chart-brokers` (slides 5 and 35): Redis, RabbitMQ and Kafka side by side — speed on a
 * log scale, setup complexity, and the guarantees and use cases in words.
 */
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { brokerComplexityConfig, brokerSpeedConfig } from './brokers-config.ts';
import { createChartPanel } from './chart-panel.ts';
import { SERIES_STYLE } from './chart-style.ts';
import { BROKER_FIGURES } from './figures.ts';
import { brokerFiguresTable } from './figures-table.ts';

export const brokersWidget: WidgetModule = {
  mount(host) {
    const speed = createChartPanel(
      host.disposer,
      'Скорость',
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
      { class: 'w-broker-notes' },
      ...BROKER_FIGURES.map((b) =>
        h(
          'li',
          { 'data-broker': b.broker },
          h('span', { class: 'w-shape', 'aria-hidden': 'true' }, SERIES_STYLE[b.broker].shape),
          h('strong', {}, b.label),
          ` — ${b.guaranteeText}; ${b.useCases}`,
        ),
      ),
    );
    host.root.append(
      h('div', { class: 'w-chart-row' }, speed.element, complexity.element),
      guarantees,
      ...BROKER_FIGURES.flatMap((b) =>
        b.guaranteeNote === null ? [] : [h('p', { class: 'w-footnote' }, b.guaranteeNote)],
      ),
      brokerFiguresTable(),
    );
    return {
      stepCount: 0,
      show() {
        host.say(
          'Redis — быстрый и простой, RabbitMQ — надёжный и гибкий, Kafka — поток событий с хранением.',
        );
      },
    };
  },
};

export default brokersWidget;
