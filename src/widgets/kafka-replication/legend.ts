/** The legend under the board: every mark it draws, shape first (colour is never the only cue). */
import { legend } from '../runtime/parts.ts';
import { KR_CLASS } from './classes.ts';
import { MARK } from './picture.ts';

/** Builds the legend element. */
export function replicationLegend(): HTMLElement {
  const cell = `${KR_CLASS.mark} ${KR_CLASS.cell}`;
  return legend(KR_CLASS.legend, [
    { mark: MARK.leader, markClass: KR_CLASS.mark, text: 'лидер' },
    { mark: MARK.inIsr, markClass: KR_CLASS.mark, text: 'в ISR' },
    { mark: '0', markClass: `${cell} ${KR_CLASS.cellCommitted}`, text: 'ниже HW: у всех ISR' },
    { mark: '2', markClass: cell, text: 'выше HW' },
    { mark: MARK.down, markClass: KR_CLASS.mark, text: 'остановлен' },
    {
      mark: `2 ${MARK.stranded}`,
      markClass: `${cell} ${KR_CLASS.cellStranded}`,
      text: 'на диске, не в партиции',
    },
  ]);
}
