/**
 * The legend: each task state has a colour AND a symbol and border style, so it reads without
 * colour too (✓ acked, ⚙ in work, … waiting in the prefetch buffer, ✗ dead letter, ↻ redelivered).
 */
import { h } from '../runtime/dom.ts';
import { legend } from '../runtime/parts.ts';
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
  return legend(RA_CLASS.legend, [
    ...ITEMS.map(([state, text, redelivered]) => ({
      mark: h(
        'span',
        {
          class: `${RA_CLASS.chip} ${CHIP_STATE[state]}`,
          'data-redelivered-look': redelivered ? 'true' : undefined,
          'aria-hidden': 'true',
        },
        redelivered ? '↻' : CHIP_MARK[state],
      ),
      text,
    })),
    { mark: h('strong', {}, 'N!'), text: 'callback на ней падает' },
  ]);
}
