/**
 * Widget `chart-throughput` (slide 4): write throughput and latency of relational stores, MongoDB
 * and in-memory brokers on log scales, one group per clicker step.
 */
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { createChartPanel } from './chart-panel.ts';
import { STORE_FIGURES } from './figures.ts';
import { storeFiguresTable } from './figures-table.ts';
import {
  THROUGHPUT_STEPS,
  latencyConfig,
  throughputConfig,
  visibleStores,
} from './throughput-config.ts';

const CAPTIONS = [
  'Реляционные СУБД: 5 000–20 000 записей/с при задержке 5–50 мс.',
  'MongoDB: до 50 000 записей/с, задержка 2–10 мс — быстрее, но всё ещё диск.',
  'Брокеры в памяти: 100 000 – 1 000 000+ сообщений/с — на порядки больше.',
];

export const throughputWidget: WidgetModule = {
  mount(host) {
    const speed = createChartPanel(
      host.disposer,
      'Пропускная способность записи',
      'Записей в секунду по типам хранилищ, логарифмическая шкала',
      throughputConfig(0),
    );
    const latency = createChartPanel(
      host.disposer,
      'Задержка записи',
      'Задержка записи в миллисекундах, логарифмическая шкала',
      latencyConfig(0),
    );
    host.root.append(
      h('div', { class: 'w-chart-row' }, speed.element, latency.element),
      storeFiguresTable(),
    );
    return {
      stepCount: THROUGHPUT_STEPS,
      show(step) {
        speed.update(throughputConfig(step));
        latency.update(latencyConfig(step));
        const shown = STORE_FIGURES.slice(0, visibleStores(step));
        host.say(CAPTIONS[shown.length - 1] ?? '');
      },
    };
  },
};

export default throughputWidget;
