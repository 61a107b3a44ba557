/**
 * The legend: each task state has a colour AND a symbol and border style, so it reads without
 * colour too (✓ acked, ⚙ in work, … waiting in the prefetch buffer, ✗ dead letter, ↻ redelivered).
 */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { CHIP_STATE, RA_CLASS, type ChipState } from './classes.ts';

/** Symbol shown on a chip in each state. */
export const CHIP_MARK: Readonly<Record<ChipState, string>> = {
  ready: '■',
  working: '⚙',
  buffered: '…',
  acked: '✓',
  dead: '✗',
};

const ITEMS: readonly [ChipState, string, boolean][] = [
  ['ready', 'в очереди', false],
  ['working', 'в работе (unacked)', false],
  ['buffered', 'в буфере prefetch (unacked)', false],
  ['acked', 'basic.ack', false],
  ['dead', 'dead letter / удалена', false],
  ['ready', 'redelivered=true', true],
];

/** The legend list. */
export function acksLegend(): HTMLElement {
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${RA_CLASS.legend}`, 'aria-label': 'Легенда' },
    ...ITEMS.map(([state, text, redelivered]) =>
      h(
        'li',
        { class: WIDGET_CLASS.legendItem },
        h(
          'span',
          {
            class: `${RA_CLASS.chip} ${CHIP_STATE[state]}`,
            'data-redelivered-look': redelivered ? 'true' : undefined,
            'aria-hidden': 'true',
          },
          redelivered ? '↻' : CHIP_MARK[state],
        ),
        ` ${text}`,
      ),
    ),
    h('li', { class: WIDGET_CLASS.legendItem }, h('strong', {}, 'N!'), ' callback на ней падает'),
  );
}
