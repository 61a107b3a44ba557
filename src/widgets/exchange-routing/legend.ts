/**
 * The legend, drawn inside the diagram's empty top-left corner: what each line style and mark
 * means (colour is never the only cue: ✓/✗, solid/dashed, thick/thin).
 */
import { s } from '../runtime/dom.ts';
import { ER_CLASS } from './diagram-classes.ts';

const ROW = 21;

/** The legend as an SVG group whose top-left corner is (x, y). */
export function diagramLegend(x: number, y: number): SVGGElement {
  const rows: [SVGElement, string][] = [
    [
      s('path', { class: `${ER_CLASS.edge} ${ER_CLASS.edgeHit}`, d: 'M 0 0 H 40' }),
      '✓ привязка совпала',
    ],
    [
      s('path', { class: `${ER_CLASS.edge} ${ER_CLASS.edgeMiss}`, d: 'M 0 0 H 40' }),
      '✗ не совпала',
    ],
    [s('rect', { class: ER_CLASS.token, x: 7, y: -9, width: 26, height: 18, rx: 4 }), 'сообщение'],
    [s('path', { class: ER_CLASS.returned, d: 'M 40 0 H 0' }), '↩ basic.return'],
  ];
  const g = s('g', { class: ER_CLASS.legend, 'aria-hidden': 'true' });
  rows.forEach(([icon, text], i) => {
    const row = s('g', { transform: `translate(${x} ${y + 11 + i * ROW})` }, icon);
    row.append(s('text', { x: 50, y: 6 }, text));
    g.append(row);
  });
  return g;
}
