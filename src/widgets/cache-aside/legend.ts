/**
 * The legend under the picture: each line style and mark with its meaning (never colour alone).
 * DEL (a PUT is the lab's action) and the TTL bar (Redis's box says the seconds) show in the lab
 * only, so the stage's legend is one line.
 */
import { h, s } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LAB_ONLY } from '../runtime/kit.ts';
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
  const item = (icon: SVGSVGElement | string, text: string, labOnly = false) =>
    h(
      'span',
      { class: labOnly ? `${WIDGET_CLASS.legendItem} ${LAB_ONLY}` : WIDGET_CLASS.legendItem },
      icon,
      ' ',
      text,
    );
  return h(
    'div',
    { class: `${WIDGET_CLASS.legend} ${CA_CLASS.legend}` },
    item(line('hit'), '✓ попадание'),
    item(line('miss'), '✗ промах'),
    item(line('db'), 'медленное чтение из БД'),
    item(line('setex'), 'SETEX: в кэш с TTL'),
    item(line('del'), 'DEL после PUT: инвалидация', true),
    item(
      s(
        'svg',
        { width: 40, height: 16, viewBox: '0 0 40 16', 'aria-hidden': 'true' },
        s('rect', { class: CA_CLASS.ttlLeft, x: 2, y: 5, width: 26, height: 6 }),
        s('rect', { class: CA_CLASS.ttlTrack, x: 28, y: 5, width: 10, height: 6 }),
      ),
      'осталось TTL',
      true,
    ),
  );
}
