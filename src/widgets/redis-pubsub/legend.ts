/** The legend under the board: every mark it draws, shape first (colour is never the only cue). */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { PS_CLASS } from './classes.ts';
import { MARK } from './picture.ts';

/** Builds the legend element. */
export function pubsubLegend(): HTMLElement {
  const item = (mark: string, text: string, cls = ''): HTMLElement =>
    h(
      'li',
      { class: WIDGET_CLASS.legendItem },
      h('span', { class: `${PS_CLASS.mark} ${cls}`, 'aria-hidden': 'true' }, mark),
      ` ${text}`,
    );
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${PS_CLASS.legend}`, 'aria-label': 'Легенда' },
    item(MARK.channel, 'SUBSCRIBE: канал точно'),
    item(MARK.pattern, 'PSUBSCRIBE: шаблон'),
    item(MARK.got, 'получил', 'w-ps-ok'),
    item(MARK.lost, 'пропало', 'w-ps-bad'),
    item(MARK.gone, 'отписался'),
  );
}
