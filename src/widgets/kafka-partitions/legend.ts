/** The legend under the picture: every mark the widget draws, with its shape and its meaning. */
import { h, s } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { GROUP_B_COLOUR, memberLook, shapeMark } from './marks.ts';
import { KP_CLASS } from './classes.ts';

function icon(...children: SVGElement[]): SVGSVGElement {
  return s(
    'svg',
    { width: 26, height: 22, viewBox: '-13 -11 26 22', 'aria-hidden': 'true' },
    ...children,
  );
}

/** Builds the legend element. */
export function kafkaLegend(): HTMLElement {
  const a = memberLook(0);
  const b = memberLook(1);
  const item = (mark: SVGSVGElement, text: string): HTMLElement =>
    h('span', { class: WIDGET_CLASS.legendItem }, mark, ' ', text);
  return h(
    'div',
    { class: `${WIDGET_CLASS.legend} ${KP_CLASS.legend}` },
    item(
      icon(shapeMark(a.shape, -6, 0, 6, a.colour), shapeMark(b.shape, 7, 0, 6, b.colour)),
      "позиция consumer'а группы A (цвет + фигура + номер)",
    ),
    item(
      icon(s('rect', { x: -2.5, y: -10, width: 5, height: 20, fill: '#1b1f24' })),
      'committed offset группы A',
    ),
    item(icon(shapeMark('hollow-diamond', 0, 0, 7, GROUP_B_COLOUR)), 'позиция группы B'),
    item(
      icon(
        s('rect', {
          x: -10,
          y: -8,
          width: 20,
          height: 16,
          rx: 3,
          fill: '#fff3c4',
          stroke: '#1b1f24',
          'stroke-width': 3,
        }),
      ),
      'последняя запись',
    ),
    h('span', { class: WIDGET_CLASS.legendItem }, '∅ — запись без ключа'),
    h('span', { class: WIDGET_CLASS.legendItem }, 'lag = конец партиции − committed'),
  );
}
