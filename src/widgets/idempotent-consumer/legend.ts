/** The legend under the panels: every mark they draw, shape first (colour is never the only cue). */
import { legend } from '../runtime/parts.ts';
import { IC_CLASS } from './classes.ts';

/** Shape marks of the panels. */
export const MARK = { first: '●', again: '▲', dead: '✕', money: '₽', skipped: '⊘' } as const;

/** Builds the legend element. */
export function idempotentLegend(): HTMLElement {
  const item = (mark: string, cls: string, text: string) => ({
    mark,
    markClass: `${IC_CLASS.mark} ${cls}`,
    text,
  });
  return legend(IC_CLASS.legend, [
    item(MARK.first, IC_CLASS.first, 'первая доставка'),
    item(MARK.again, IC_CLASS.againMark, 'повторная'),
    item(MARK.dead, IC_CLASS.dead, 'воркер упал'),
    item(MARK.money, IC_CLASS.money, 'списание'),
    item(MARK.skipped, IC_CLASS.skipped, 'дубликат пропущен'),
  ]);
}
