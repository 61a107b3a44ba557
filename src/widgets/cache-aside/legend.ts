/** The legend under the picture: each line style and mark with its meaning (never colour alone). */
import { h, s } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { CA_CLASS } from './classes.ts';

function line(state: string): SVGSVGElement {
  return s(
    'svg',
    { width: 40, height: 16, viewBox: '0 0 40 16', 'aria-hidden': 'true' },
    s('line', {
      class: `${CA_CLASS.edge} ${CA_CLASS.edge}--${state}`,
      x1: 2,
      y1: 8,
      x2: 38,
      y2: 8,
    }),
  );
}

/** Builds the legend element. */
export function cacheLegend(): HTMLElement {
  const item = (icon: SVGSVGElement | string, text: string) =>
    h('span', { class: WIDGET_CLASS.legendItem }, icon, ' ', text);
  return h(
    'div',
    { class: `${WIDGET_CLASS.legend} ${CA_CLASS.legend}` },
    item(line('hit'), '✓ попадание: данные из Redis'),
    item(line('miss'), '✗ промах: GET → (nil)'),
    item(line('db'), 'медленное чтение из БД'),
    item(line('setex'), 'SETEX: запись в кэш с TTL'),
    item(line('del'), 'DEL после PUT: инвалидация'),
    item(
      s(
        'svg',
        { width: 40, height: 16, viewBox: '0 0 40 16', 'aria-hidden': 'true' },
        s('rect', { x: 2, y: 5, width: 26, height: 6, fill: '#b3261e' }),
        s('rect', { x: 28, y: 5, width: 10, height: 6, fill: '#dde3ea' }),
      ),
      'сколько TTL осталось',
    ),
  );
}
