/** The legend under the panels: every mark they draw, shape first (colour is never the only cue). */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { IC_CLASS } from './classes.ts';

/** Shape marks of the panels. */
export const MARK = { first: '●', again: '▲', dead: '✕', money: '₽', skipped: '⊘' } as const;

/** Builds the legend element. */
export function idempotentLegend(): HTMLElement {
  const item = (mark: string, cls: string, text: string): HTMLElement =>
    h(
      'li',
      { class: WIDGET_CLASS.legendItem },
      h('span', { class: `${IC_CLASS.mark} ${cls}`, 'aria-hidden': 'true' }, mark),
      ` ${text}`,
    );
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${IC_CLASS.legend}`, 'aria-label': 'Легенда' },
    item(MARK.first, IC_CLASS.first, 'первая доставка'),
    item(MARK.again, IC_CLASS.againMark, 'повторная'),
    item(MARK.dead, IC_CLASS.dead, 'воркер упал'),
    item(MARK.money, IC_CLASS.money, 'списание'),
    item(MARK.skipped, IC_CLASS.skipped, 'дубликат пропущен'),
  );
}
