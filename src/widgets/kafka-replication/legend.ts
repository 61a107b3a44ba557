/** The legend under the board: every mark it draws, shape first (colour is never the only cue). */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { KR_CLASS } from './classes.ts';
import { MARK } from './picture.ts';

/** Builds the legend element. */
export function replicationLegend(): HTMLElement {
  const item = (mark: string, text: string, extra = ''): HTMLElement =>
    h(
      'li',
      { class: WIDGET_CLASS.legendItem },
      h('span', { class: `${KR_CLASS.mark} ${extra}`, 'aria-hidden': 'true' }, mark),
      ` ${text}`,
    );
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${KR_CLASS.legend}`, 'aria-label': 'Легенда' },
    item(MARK.leader, 'лидер'),
    item(MARK.inIsr, 'в ISR'),
    item('0', 'ниже HW: у всех ISR', `${KR_CLASS.cell} ${KR_CLASS.cellCommitted}`),
    item('2', 'выше HW', KR_CLASS.cell),
    item(MARK.down, 'остановлен'),
  );
}
