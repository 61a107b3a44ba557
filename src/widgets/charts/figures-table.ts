/** Text alternatives for the charts: the same figures as a table, in a disclosure. */
import { h } from '../runtime/dom.ts';
import { BROKER_FIGURES, STORE_FIGURES, type StoreFigure } from './figures.ts';

function disclosure(table: HTMLTableElement): HTMLElement {
  return h('details', { class: 'w-figures' }, h('summary', {}, 'Цифры таблицей'), table);
}

const ms = (n: number) => String(n).replace('.', ',');

/** The store figures of slide 4, first `shown` rows. */
export function storeFiguresTable(stores: readonly StoreFigure[] = STORE_FIGURES): HTMLElement {
  const rows = stores.map((f) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, f.label),
      h('td', {}, f.writesText),
      h('td', {}, `${ms(f.latencyMs[0])}–${ms(f.latencyMs[1])} мс`),
      h('td', {}, f.source),
    ),
  );
  return disclosure(
    h(
      'table',
      {},
      h('caption', {}, 'Типичная скорость записи и задержка'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Хранилище', 'Пропускная способность', 'Задержка', 'Источник'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

/** The three brokers of slides 5 and 35. */
export function brokerFiguresTable(): HTMLElement {
  const head = [
    'Брокер',
    'Скорость',
    'Сложность',
    'Гарантии',
    'Хранение',
    'Порядок',
    'Применение',
    'Источник',
  ];
  const rows = BROKER_FIGURES.map((b) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, b.label),
      ...[
        b.speedText,
        b.complexityText,
        b.guaranteeText,
        b.storage,
        b.order,
        b.useCases,
        b.source,
      ].map((t) => h('td', {}, t)),
    ),
  );
  return disclosure(
    h(
      'table',
      {},
      h('caption', {}, 'Redis, RabbitMQ и Kafka: типичные характеристики'),
      h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows),
    ),
  );
}
