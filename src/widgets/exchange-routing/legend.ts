/** The legend: what each line style and mark means (colour is never the only cue). */
import { h, s } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { ER_CLASS } from './diagram.ts';

function swatch(...children: SVGElement[]): SVGSVGElement {
  return s(
    'svg',
    { viewBox: '0 0 48 20', width: 48, height: 20, 'aria-hidden': 'true' },
    ...children,
  );
}

/** Builds the legend row. */
export function createLegend(): HTMLElement {
  const line = (cls: string): SVGPathElement =>
    s('path', { class: `${ER_CLASS.edge} ${cls}`, d: 'M 2 10 H 46' });
  const item = (icon: SVGSVGElement, text: string): HTMLElement =>
    h('span', { class: WIDGET_CLASS.legendItem, role: 'listitem' }, icon, ` ${text}`);
  return h(
    'div',
    { class: WIDGET_CLASS.legend, role: 'list', 'aria-label': 'Легенда' },
    item(swatch(line(ER_CLASS.edgeHit)), '✓ привязка совпала'),
    item(swatch(line(ER_CLASS.edgeMiss)), '✗ не совпала'),
    item(
      swatch(s('rect', { class: ER_CLASS.token, x: 11, y: 1, width: 26, height: 18, rx: 4 })),
      'сообщение',
    ),
    item(
      swatch(s('path', { class: ER_CLASS.returned, d: 'M 46 10 H 2' })),
      '↩ basic.return (mandatory)',
    ),
  );
}
