/** The legend under the picture: every mark the widget draws, with its shape and its meaning. */
import { s } from '../runtime/dom.ts';
import { legend, markSvg } from '../runtime/parts.ts';
import { GROUP_B_COLOUR, memberLook, shapeMark } from './picture.ts';
import { KP_CLASS } from './classes.ts';

const icon = (...children: SVGElement[]): SVGSVGElement =>
  markSvg({ width: 26, height: 22, viewBox: '-13 -11 26 22' }, ...children);

/** Builds the legend element. */
export function kafkaLegend(): HTMLElement {
  const a = memberLook(0);
  const b = memberLook(1);
  const last = s('rect', {
    x: -10,
    y: -8,
    width: 20,
    height: 16,
    rx: 3,
    fill: '#fff3c4',
    stroke: '#1b1f24',
    'stroke-width': 3,
  });
  return legend(KP_CLASS.legend, [
    {
      mark: icon(shapeMark(a.shape, -6, 0, 6, a.colour), shapeMark(b.shape, 7, 0, 6, b.colour)),
      text: 'позиция группы A',
    },
    {
      mark: icon(s('rect', { x: -2.5, y: -10, width: 5, height: 20, fill: '#1b1f24' })),
      text: 'committed offset',
    },
    { mark: icon(shapeMark('hollow-diamond', 0, 0, 7, GROUP_B_COLOUR)), text: 'позиция группы B' },
    { mark: icon(last), text: 'последняя запись' },
    { text: '∅ без ключа' },
    // The stage's caption says what lag is when the story gets there; the lab keeps the formula.
    { text: 'lag = конец − committed', labOnly: true },
  ]);
}
