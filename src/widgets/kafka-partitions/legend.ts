/** The legend under the picture: every mark the widget draws, with its shape and its meaning. */
import { h, s } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LAB_ONLY } from '../runtime/kit.ts';
import { GROUP_B_COLOUR, memberLook, shapeMark } from './picture.ts';
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
      'позиция группы A',
    ),
    item(
      icon(s('rect', { x: -2.5, y: -10, width: 5, height: 20, fill: '#1b1f24' })),
      'committed offset',
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
    h('span', { class: WIDGET_CLASS.legendItem }, '∅ без ключа'),
    // The stage's caption says what lag is when the story gets there; the lab keeps the formula.
    h('span', { class: `${WIDGET_CLASS.legendItem} ${LAB_ONLY}` }, 'lag = конец − committed'),
  );
}
