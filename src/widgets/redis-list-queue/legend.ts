/** The legend under the board: every mark it draws, shape first (colour is never the only cue). */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LQ_CLASS } from './classes.ts';
import { MARK } from './picture.ts';

/** Builds the legend element. */
export function listQueueLegend(): HTMLElement {
  const item = (mark: string, text: string): HTMLElement =>
    h(
      'li',
      { class: WIDGET_CLASS.legendItem },
      h('span', { class: LQ_CLASS.mark, 'aria-hidden': 'true' }, mark),
      ` ${text}`,
    );
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${LQ_CLASS.legend}`, 'aria-label': 'Легенда' },
    item(MARK.waiting, 'ждёт (№ — порядок)'),
    item(MARK.busy, 'работает'),
    item(MARK.crashed, 'упал'),
    item('⇄', 'копия в processing'),
    item(MARK.saved, 'пережила падение'),
    item(MARK.done, 'выполнено'),
  );
}
