/**
 * Parts several widgets build the same way, so each is written once: the legend list, a lab's
 * rows of fields, Enter in a field acting like its button, an alert line, the buttons a picture
 * carries in the lab, and a picture's board. Styles: ./widgets.css (classes: PART_CLASS).
 */
import { WIDGET_CLASS } from './classes.ts';
import type { Disposer } from './disposer.ts';
import { h, s } from './dom.ts';
import type { Field } from './field.ts';
import { LAB_ONLY, type KitHost } from './kit.ts';

/** CSS classes of the shared parts, for a widget to put on its own elements. */
export const PART_CLASS = {
  /** A white card with the ink border (a producer, a broker, a worker, a subscriber). */
  card: 'w-card',
  /** A list without bullets or indent (rows, cells, inboxes). */
  plainList: 'w-plain-list',
  /** A card's bold title line. */
  title: 'w-card-title',
  /** A command or key in the code face (a `code` inside a card looks the same). */
  code: 'w-code',
  /**
   * On the stage, makes the picture holding this element (its direct child) a column that takes
   * the height the legend and caption leave.
   */
  stageColumn: 'w-stage-column',
} as const;

/** One entry of a legend: its mark, then its words. */
export interface LegendItem {
  /** SVG swatches or elements, or a glyph shown in a `span` of `markClass` (hidden from screen readers). */
  readonly mark?: Node | readonly Node[] | string;
  readonly markClass?: string;
  readonly text: string;
  /** Shown in the lab only (the stage keeps its legend to one line). */
  readonly labOnly?: boolean;
  /** Extra attributes of the item, e.g. `data-legend` for a widget that hides unused marks. */
  readonly attrs?: Readonly<Record<string, string>>;
}

/**
 * The legend under a picture: a list (`aria-label` «Легенда») of `widgetClass`, each item its
 * mark and its words, so no meaning rests on colour alone.
 */
export function legend(widgetClass: string, items: readonly LegendItem[]): HTMLUListElement {
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} ${widgetClass}`, 'aria-label': 'Легенда' },
    ...items.map((item) =>
      h(
        'li',
        {
          ...item.attrs,
          class: item.labOnly ? `${WIDGET_CLASS.legendItem} ${LAB_ONLY}` : WIDGET_CLASS.legendItem,
        },
        ...(typeof item.mark === 'string'
          ? [h('span', { class: item.markClass, 'aria-hidden': 'true' }, item.mark)]
          : item.mark instanceof Node
            ? [item.mark]
            : (item.mark ?? [])),
        item.mark === undefined ? item.text : ` ${item.text}`,
      ),
    ),
  );
}

/** A legend's mark drawn in SVG, hidden from screen readers (the item's words say it). */
export function markSvg(
  attrs: Readonly<Record<string, string | number>>,
  ...children: SVGElement[]
): SVGSVGElement {
  return s('svg', { ...attrs, 'aria-hidden': 'true' }, ...children);
}

/**
 * Runs `act` on Enter in any of `fields` (and on a click of `button`, if given). The key never
 * reaches reveal.js as navigation.
 */
export function submitOnEnter(
  disposer: Disposer,
  fields: readonly (Field | HTMLInputElement)[],
  act: () => void,
  button?: HTMLButtonElement,
): void {
  if (button) disposer.listen(button, 'click', act);
  for (const field of fields) {
    const input = field instanceof HTMLInputElement ? field : field.input;
    disposer.listen(input, 'keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      event.stopPropagation();
      act();
    });
  }
}

/** Runs `apply` when `field` changes and on Enter in it: a setting that takes effect as typed. */
export function applyOnChange(disposer: Disposer, field: Field, apply: () => void): void {
  disposer.listen(field.input, 'change', apply);
  submitOnEnter(disposer, [field], apply);
}

/** The lab's inputs: a wrapping box of `widgetClass` whose rows are fields and their buttons. */
export function inputRows(
  widgetClass: string,
  ...rows: readonly (readonly (Node | undefined)[] | Node)[]
): HTMLDivElement {
  return h(
    'div',
    { class: `${WIDGET_CLASS.inputs} ${widgetClass}` },
    ...rows.map((row) =>
      row instanceof Node ? row : h('div', { class: WIDGET_CLASS.inputGroup }, ...row),
    ),
  );
}

/** A `select` (or other control with an id) with its label above it, as a field shows it. */
export function labelled(label: string, control: HTMLElement): HTMLDivElement {
  return h('div', { class: WIDGET_CLASS.field }, h('label', { for: control.id }, label), control);
}

/** A message line that shows a refusal (role="alert") and hides when cleared. */
export interface AlertLine {
  readonly element: HTMLSpanElement;
  /** Shows `message`, or hides the line when undefined. */
  show(message: string | undefined): void;
}

/** An alert line in the fields' error style; `attrs` name it for tests (`data-error`). */
export function alertLine(attrs: Readonly<Record<string, string>> = {}): AlertLine {
  const element = h('span', {
    class: WIDGET_CLASS.fieldError,
    role: 'alert',
    ...attrs,
    hidden: true,
  });
  return {
    element,
    show(message) {
      element.textContent = message ?? '';
      element.hidden = message === undefined;
    },
  };
}

/**
 * Calls `press` with each button clicked inside `root`: the buttons a picture draws on its cards
 * in the lab (redrawn every frame, so one listener on the root serves them all).
 */
export function onButton(
  disposer: Disposer,
  root: HTMLElement,
  press: (button: HTMLButtonElement) => void,
): void {
  disposer.listen(root, 'click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button) press(button);
  });
}

/** A picture's board: a labelled group appended to the kit's element, which the painter fills. */
export function board<V, A>(host: KitHost<V, A>, className: string, label: string): HTMLDivElement {
  const element = h('div', { class: className, role: 'group', 'aria-label': label });
  host.element.append(element);
  return element;
}
