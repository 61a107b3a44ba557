/**
 * The legend: every mark of the timeline with its colour and shape, and what it means. Each item
 * names its mark (`data-legend`), so the stage can leave out the ones its story never draws.
 */
import { h, s } from '../runtime/dom.ts';
import { legend, markSvg, type LegendItem } from '../runtime/parts.ts';
import { CR_CLASS } from './classes.ts';
import { CRASH_COLOUR, RUN_LOOK, WAIT_COLOUR, type RunOutcome } from './layout.ts';

/** A mark of the timeline the legend explains: a run's outcome, a wait, or a point mark. */
export type LegendKey = RunOutcome | 'wait' | 'sent' | 'redelivered';

const swatch = (...children: SVGElement[]): SVGSVGElement =>
  markSvg({ class: CR_CLASS.swatch, viewBox: '0 0 26 18' }, ...children);

/** Builds the legend element. */
export function celeryLegend(): HTMLElement {
  const item = (
    key: LegendKey,
    mark: SVGSVGElement,
    glyph: string,
    text: string,
    colour = '',
  ): LegendItem => ({
    mark: glyph
      ? [
          mark,
          h(
            'span',
            {
              class: CR_CLASS.legendGlyph,
              style: colour && `color:${colour}`,
              'aria-hidden': 'true',
            },
            glyph,
          ),
        ]
      : mark,
    text,
    attrs: { 'data-legend': key },
  });
  const run = (o: RunOutcome): LegendItem =>
    item(
      o,
      swatch(s('rect', { x: 1, y: 2, width: 24, height: 14, rx: 2, fill: RUN_LOOK[o].fill })),
      RUN_LOOK[o].glyph,
      RUN_LOOK[o].text,
      // The picture marks a killed run with the red ✕ of its worker's crash.
      o === 'killed' ? CRASH_COLOUR : RUN_LOOK[o].fill,
    );
  return legend(CR_CLASS.legend, [
    ...(['running', 'ok', 'error', 'killed'] as const).map(run),
    item(
      'wait',
      swatch(
        s('rect', {
          x: 2,
          y: 2,
          width: 22,
          height: 14,
          fill: '#fff',
          stroke: WAIT_COLOUR,
          'stroke-width': 2.5,
          'stroke-dasharray': '5 3',
        }),
      ),
      '↻',
      'ждёт: до ETA без ack или в брокере',
      WAIT_COLOUR,
    ),
    item('sent', swatch(s('circle', { cx: 13, cy: 9, r: 7, fill: '#5b6470' })), '', 'delay()'),
    item(
      'redelivered',
      swatch(s('path', { d: 'M13 1L22 17L4 17Z', fill: '#6a3fa0' })),
      '',
      'доставлена повторно',
    ),
  ]);
}
