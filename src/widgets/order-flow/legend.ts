/**
 * The legend under the timelines: each bar's shape and colour with its name (never colour
 * alone). On the stage only what the picture does not name itself: the steps' names are
 * written on their bars, so their items show in the lab only.
 */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LAB_ONLY } from '../runtime/kit.ts';
import { OF_CLASS } from './classes.ts';
import { ERROR_COLOR, SPAN_STYLE } from './labels.ts';
import { shapeSwatch } from './shapes.ts';

/** Builds the legend element. */
export function orderFlowLegend(): HTMLElement {
  const item = (swatch: SVGSVGElement | string, text: string, labOnly = false) =>
    h(
      'li',
      { class: labOnly ? `${WIDGET_CLASS.legendItem} ${LAB_ONLY}` : WIDGET_CLASS.legendItem },
      swatch,
      text,
    );
  const named = [
    SPAN_STYLE.waitResponse,
    SPAN_STYLE.saveOrder,
    SPAN_STYLE.sendEmail,
    SPAN_STYLE.updateInventory,
    SPAN_STYLE.notifyWarehouse,
  ];
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${OF_CLASS.legend}`, 'aria-label': 'Легенда' },
    ...named.map((st) => item(shapeSwatch(st.shape, st.color), st.name, true)),
    item(shapeSwatch(SPAN_STYLE.publishEmail.shape, SPAN_STYLE.publishEmail.color), 'публикация'),
    item(shapeSwatch('square', ERROR_COLOR, true), 'сбой'),
    item(shapeSwatch('bar', '#1e7a3c'), 'ответ клиенту'),
    // The boxes by the worker lanes are the tasks' Redis lists (picture.ts).
    item('', '✓ / ✕ у воркера — задача выполнена / потеряна'),
  );
}
