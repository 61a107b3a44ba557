/**
 * The legend under the picture: each line style and mark with its meaning (never colour alone).
 * DEL (a PUT is the lab's action) and the TTL bar (Redis's box says the seconds) show in the lab
 * only, so the stage's legend is one line.
 */
import { s } from '../runtime/dom.ts';
import { legend, markSvg } from '../runtime/parts.ts';
import { CA_CLASS } from './classes.ts';

const swatch = (...children: SVGElement[]): SVGSVGElement =>
  markSvg({ width: 40, height: 16, viewBox: '0 0 40 16' }, ...children);

function line(state: string): SVGSVGElement {
  const cls = `${CA_CLASS.edge} ${CA_CLASS.edge}--${state}`;
  return swatch(s('line', { class: cls, x1: 2, y1: 8, x2: 38, y2: 8 }));
}

/** Builds the legend element. */
export function cacheLegend(): HTMLElement {
  return legend(CA_CLASS.legend, [
    { mark: line('hit'), text: '✓ попадание' },
    { mark: line('miss'), text: '✗ промах' },
    { mark: line('db'), text: 'медленное чтение из БД' },
    { mark: line('setex'), text: 'SETEX: в кэш с TTL' },
    { mark: line('del'), text: 'DEL после PUT: инвалидация', labOnly: true },
    {
      mark: swatch(
        s('rect', { class: CA_CLASS.ttlLeft, x: 2, y: 5, width: 26, height: 6 }),
        s('rect', { class: CA_CLASS.ttlTrack, x: 28, y: 5, width: 10, height: 6 }),
      ),
      text: 'осталось TTL',
      labOnly: true,
    },
  ]);
}
