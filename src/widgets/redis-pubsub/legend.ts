/** The legend under the board: every mark it draws, shape first (colour is never the only cue). */
import { legend } from '../runtime/parts.ts';
import { PS_CLASS } from './classes.ts';
import { MARK } from './picture.ts';

/** Builds the legend element. */
export function pubsubLegend(): HTMLElement {
  return legend(PS_CLASS.legend, [
    { mark: MARK.channel, markClass: PS_CLASS.mark, text: 'SUBSCRIBE: канал точно' },
    { mark: MARK.pattern, markClass: PS_CLASS.mark, text: 'PSUBSCRIBE: шаблон' },
    { mark: MARK.got, markClass: `${PS_CLASS.mark} ${PS_CLASS.ok}`, text: 'получил' },
    { mark: MARK.lost, markClass: `${PS_CLASS.mark} ${PS_CLASS.bad}`, text: 'пропало' },
    { mark: MARK.gone, markClass: PS_CLASS.mark, text: 'отписался' },
  ]);
}
