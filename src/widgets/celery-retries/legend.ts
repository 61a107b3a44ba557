/** The legend: every mark of the timeline with its colour and shape, and what it means. */
import { h, s } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { CR_CLASS } from './classes.ts';
import { RUN_LOOK, WAIT_COLOUR } from './look.ts';
import type { RunOutcome } from './layout.ts';

function swatch(...children: SVGElement[]): SVGSVGElement {
  return s(
    'svg',
    { width: 30, height: 22, viewBox: '0 0 30 22', 'aria-hidden': 'true' },
    ...children,
  );
}

const runSwatch = (o: RunOutcome): SVGSVGElement =>
  swatch(
    s('rect', { x: 1, y: 4, width: 16, height: 14, rx: 2, fill: RUN_LOOK[o].fill }),
    s(
      'text',
      { x: 19, y: 17, fill: RUN_LOOK[o].fill, 'font-size': 16, 'font-weight': 700 },
      RUN_LOOK[o].glyph,
    ),
  );

/** Builds the legend element. */
export function celeryLegend(): HTMLElement {
  const item = (mark: SVGSVGElement, text: string): HTMLElement =>
    h('li', { class: WIDGET_CLASS.legendItem }, mark, ' ', text);
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${CR_CLASS.legend}`, 'aria-label': 'Легенда' },
    ...(['running', 'ok', 'error', 'killed'] as const).map((o) =>
      item(runSwatch(o), RUN_LOOK[o].text),
    ),
    item(
      swatch(
        s('rect', {
          x: 2,
          y: 4,
          width: 26,
          height: 14,
          fill: '#fff',
          stroke: WAIT_COLOUR,
          'stroke-width': 2.5,
          'stroke-dasharray': '5 3',
        }),
      ),
      '↻ ждёт: до ETA без ack или в брокере',
    ),
    item(swatch(s('circle', { cx: 15, cy: 11, r: 7, fill: '#5b6470' })), 'delay()'),
    item(swatch(s('path', { d: 'M15 2L25 20L5 20Z', fill: '#6a3fa0' })), 'доставлена повторно'),
  );
}
