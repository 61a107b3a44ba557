/** The legend under the board: every mark it draws, shape first (colour is never the only cue). */
import { legend } from '../runtime/parts.ts';
import { LQ_CLASS } from './classes.ts';
import { MARK } from './picture.ts';

/** Builds the legend element. */
export function listQueueLegend(): HTMLElement {
  return legend(
    LQ_CLASS.legend,
    (
      [
        [MARK.waiting, 'ждёт (№ — порядок)'],
        [MARK.busy, 'работает'],
        [MARK.crashed, 'упал'],
        ['⇄', 'копия в processing'],
        [MARK.saved, 'пережила падение'],
        [MARK.done, 'выполнено'],
      ] as const
    ).map(([mark, text]) => ({ mark, markClass: LQ_CLASS.mark, text })),
  );
}
