/**
 * The charts' figures as tables with their sources: the text alternative, shown in the lab face
 * (the reading view), never on the stage. Each cell carries its column's name (`data-label`) so
 * a narrow column reads the rows as stacked cards instead of scrolling sideways.
 */
import { h } from '../runtime/dom.ts';
import { CHART_CLASS } from './classes.ts';
import { BROKER_FIGURES, STORE_FIGURES, formatMs, type StoreFigure } from './figures.ts';

function figuresTable(
  caption: string,
  head: readonly [string, ...string[]],
  rows: readonly (readonly [string, ...string[]])[],
): HTMLTableElement {
  const [corner, ...columns] = head;
  return h(
    'table',
    { class: CHART_CLASS.figures },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, corner),
        ...columns.map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map(([name, ...cells]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, name),
          ...cells.map((t, i) => h('td', { 'data-label': columns[i] ?? '' }, t)),
        ),
      ),
    ),
  );
}

/** The store figures of slide 4. */
export function storeFiguresTable(
  stores: readonly StoreFigure[] = STORE_FIGURES,
): HTMLTableElement {
  return figuresTable(
    'Типичная скорость записи и задержка',
    ['Хранилище', 'Пропускная способность', 'Задержка', 'Источник'],
    stores.map((f) => [
      f.label,
      f.writesText,
      `${formatMs(f.latencyMs[0])}–${formatMs(f.latencyMs[1])} мс`,
      f.source,
    ]),
  );
}

/** The three brokers of slide 5 (slide 35 states the same guarantees and order as a table). */
export function brokerFiguresTable(): HTMLTableElement {
  return figuresTable(
    'Redis, RabbitMQ и Kafka: типичные характеристики',
    [
      'Брокер',
      'Скорость',
      'Сложность',
      'Гарантии',
      'Хранение',
      'Порядок',
      'Применение',
      'Источник',
    ],
    BROKER_FIGURES.map((b) => [
      b.label,
      b.speedText,
      b.complexityText,
      b.guaranteeText,
      b.storage,
      b.order,
      b.useCases,
      b.source,
    ]),
  );
}
