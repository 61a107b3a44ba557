/**
 * The legend under the diagram (both faces): what each line style and mark means — colour is
 * never the only cue (✓/✗, solid/dashed, thick/thin).
 */
import { s } from '../runtime/dom.ts';
import { legend, markSvg } from '../runtime/parts.ts';
import { ER_CLASS } from './classes.ts';

const icon = (...children: SVGElement[]): SVGSVGElement =>
  markSvg({ class: ER_CLASS.mark, viewBox: '-2 -12 44 24' }, ...children);

/** Builds the legend element. */
export function routingLegend(): HTMLElement {
  const line = (cls: string, d = 'M 0 0 H 40') => icon(s('path', { class: cls, d }));
  return legend(ER_CLASS.legend, [
    { mark: line(`${ER_CLASS.edge} ${ER_CLASS.edgeHit}`), text: '✓ привязка совпала' },
    { mark: line(`${ER_CLASS.edge} ${ER_CLASS.edgeMiss}`), text: '✗ не совпала' },
    {
      mark: icon(s('rect', { class: ER_CLASS.token, x: 6, y: -10, width: 28, height: 20, rx: 4 })),
      text: 'сообщение',
    },
    { mark: line(ER_CLASS.returned, 'M 40 0 H 0'), text: '↩ basic.return' },
  ]);
}
