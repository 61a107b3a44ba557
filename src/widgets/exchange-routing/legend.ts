/**
 * The legend under the diagram (both faces): what each line style and mark means — colour is
 * never the only cue (✓/✗, solid/dashed, thick/thin).
 */
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { h, s } from '../runtime/dom.ts';
import { ER_CLASS } from './classes.ts';

function icon(...children: SVGElement[]): SVGSVGElement {
  return s(
    'svg',
    { class: ER_CLASS.mark, viewBox: '-2 -12 44 24', 'aria-hidden': 'true' },
    ...children,
  );
}

/** Builds the legend element. */
export function routingLegend(): HTMLElement {
  const item = (mark: SVGSVGElement, text: string): HTMLElement =>
    h('li', { class: WIDGET_CLASS.legendItem }, mark, text);
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${ER_CLASS.legend}`, 'aria-label': 'Легенда' },
    item(
      icon(s('path', { class: `${ER_CLASS.edge} ${ER_CLASS.edgeHit}`, d: 'M 0 0 H 40' })),
      '✓ привязка совпала',
    ),
    item(
      icon(s('path', { class: `${ER_CLASS.edge} ${ER_CLASS.edgeMiss}`, d: 'M 0 0 H 40' })),
      '✗ не совпала',
    ),
    item(
      icon(s('rect', { class: ER_CLASS.token, x: 6, y: -10, width: 28, height: 20, rx: 4 })),
      'сообщение',
    ),
    item(icon(s('path', { class: ER_CLASS.returned, d: 'M 40 0 H 0' })), '↩ basic.return'),
  );
}
