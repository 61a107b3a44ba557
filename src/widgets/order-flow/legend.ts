/**
 * The legend under the timelines: each bar's shape and colour with its name (never colour
 * alone). On the stage only what the picture does not name itself: the steps' names are
 * written on their bars, so their items show in the lab only.
 */
import { legend } from '../runtime/parts.ts';
import { OF_CLASS } from './classes.ts';
import { ERROR_COLOR, SPAN_STYLE } from './labels.ts';
import { shapeSwatch } from './shapes.ts';

/** Builds the legend element. */
export function orderFlowLegend(): HTMLElement {
  const named = [
    SPAN_STYLE.waitResponse,
    SPAN_STYLE.saveOrder,
    SPAN_STYLE.sendEmail,
    SPAN_STYLE.updateInventory,
    SPAN_STYLE.notifyWarehouse,
  ];
  return legend(OF_CLASS.legend, [
    ...named.map((st) => ({ mark: shapeSwatch(st.shape, st.color), text: st.name, labOnly: true })),
    {
      mark: shapeSwatch(SPAN_STYLE.publishEmail.shape, SPAN_STYLE.publishEmail.color),
      text: 'публикация',
    },
    { mark: shapeSwatch('square', ERROR_COLOR, true), text: 'сбой' },
    { mark: shapeSwatch('bar', '#1e7a3c'), text: 'ответ клиенту' },
    // The boxes by the worker lanes are the tasks' Redis lists (picture.ts).
    { text: '✓ / ✕ у воркера — задача выполнена / потеряна' },
  ]);
}
