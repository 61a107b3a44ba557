/**
 * The print form of the reading view (`?view=print`, used by `npm run pdf`): the handout a
 * student prints. A cover, a contents page (its page numbers are filled in by scripts/pdf.ts
 * after a first print tells where each slide landed), then each part with its slides and their
 * notes flowing page after page. Every widget is shown at each clicker step that changes what it
 * shows, as a static frame of its stage face (no form controls), one live widget per frame, so
 * canvases and SVG print as drawn (reveal.js's own PDF export clones slides and loses canvases).
 */
import { widgetInSlot } from '../widgets/catalog.ts';
import { h } from '../widgets/runtime/dom.ts';
import { mountWidget, type WidgetHandle } from '../widgets/runtime/mount.ts';
import type { WidgetModule } from '../widgets/runtime/types.ts';
import './print.css';

/** Slide frames are zoomed to this in print: 640 × 360 px on a 1047 × 718-px page, notes under it. */
export const PRINT_ZOOM = 0.5;

/** The subtitle of the handout's cover. */
export const HANDOUT_SUBTITLE = 'Раздаточный материал: слайды, текст лекции и шаги виджетов';

/** What a frame shows, for telling a step that adds nothing from one that does. */
function shownOf(root: HTMLElement): string {
  // A canvas's drawing is not in its markup: a chart's every step counts as new.
  if (root.querySelector('canvas')) return `${Math.random()}`;
  return root.innerHTML.replace(/\s(id|aria-[a-z]+|for|data-focus-key)="[^"]*"/g, '');
}

/** A frame for one step: the widget inside a section of the same number, as on the slide. */
function stepFrame(
  section: number,
  name: string,
  story: string | undefined,
  layout: string | undefined,
): HTMLElement {
  return h(
    'figure',
    { class: 'print-step' },
    h('figcaption', { class: 'print-step-label' }),
    h(
      'div',
      { class: 'reveal reading-frame' },
      h(
        'section',
        { 'data-section': section },
        h('div', {
          class: 'widget-slot',
          'data-widget-slot': name,
          ...(story ? { 'data-widget-story': story } : {}),
          ...(layout ? { 'data-widget-layout': layout } : {}),
        }),
      ),
    ),
  );
}

function mountForPrint(
  slot: HTMLElement,
  name: string,
  module: WidgetModule,
  story: string | undefined,
): WidgetHandle {
  const handle = mountWidget(slot, name, module, { reducedMotion: true, story, face: 'stage' });
  // A widget not on the kit has no stage: it prints its lab as it is (the handout says which).
  slot.dataset['printFace'] = handle.hasStage ? 'stage' : 'lab';
  return handle;
}

/**
 * Mounts every widget of `main` that the slide shows at step 0 (not a stage: the deck opens it
 * at step 1) in its slide and, after the notes, a frame for each step 1…N that shows something
 * the step before did not (a step that only advances the lecturer's clicker prints nothing).
 */
async function expandWidgets(main: HTMLElement): Promise<void> {
  for (const article of main.querySelectorAll<HTMLElement>('.reading-slide')) {
    const section = Number(article.dataset['section']);
    // The slide's heading and frame go on one page, kept with the notes' heading (print.css).
    const meta = article.querySelector('.reading-slide-meta');
    const frame = article.querySelector('.reading-frame');
    if (meta && frame) article.prepend(h('div', { class: 'print-slide-head' }, meta, frame));
    for (const slot of article.querySelectorAll<HTMLElement>('.reading-frame .widget-slot')) {
      const entry = widgetInSlot(slot);
      if (!entry) continue;
      const { name, story, steps } = entry;
      const module = await entry.load();
      const layout = slot.dataset['widgetLayout'];
      // The deck shows a stage slot only past step 0 (the slide's own body before it): the
      // printed slide does the same, and its steps follow. Other widgets print step 0 in place.
      let previous = '';
      if (layout === 'stage') slot.remove();
      else previous = shownOf(mountForPrint(slot, name, module, story).root);
      const frames = h('div', { class: 'print-steps' });
      for (let step = 1; step <= steps; step++) {
        const frame = stepFrame(section, name, story, layout);
        frames.append(frame);
        const target = frame.querySelector<HTMLElement>('.widget-slot');
        if (!target) continue;
        const handle = mountForPrint(target, name, module, story);
        handle.setStep(step, false);
        const shown = shownOf(handle.root);
        if (shown === previous) {
          handle.destroy();
          frame.remove();
          continue;
        }
        previous = shown;
        frame.dataset['printStep'] = String(step);
        const label = frame.querySelector('.print-step-label');
        if (label) label.textContent = `Шаг ${step} из ${steps}`;
      }
      if (frames.childElementCount > 0) article.append(frames);
    }
  }
}

/** The cover: the lecture's title, what the handout holds, how many parts and slides. */
function cover(title: string, parts: number, slides: number): HTMLElement {
  return h(
    'section',
    { class: 'print-cover' },
    h('p', { class: 'print-cover-kind' }, 'Лекция'),
    h('h1', { class: 'print-cover-title' }, title),
    h('p', { class: 'print-cover-sub' }, HANDOUT_SUBTITLE),
    h('p', { class: 'print-cover-count' }, `Частей: ${parts}. Слайдов: ${slides}.`),
  );
}

/**
 * The contents: each part and slide with a page number cell that scripts/pdf.ts fills in
 * (`data-print-page-for="part-…"|"s-N"`) once a first print has said where each one starts.
 */
function contents(main: HTMLElement): HTMLElement {
  const entry = (key: string, label: string, kind: string): HTMLElement =>
    h(
      'li',
      { class: `print-toc-${kind}` },
      h('span', { class: 'print-toc-label' }, label),
      h('span', { class: 'print-toc-page', 'data-print-page-for': key }),
    );
  const items: HTMLElement[] = [];
  for (const part of main.querySelectorAll<HTMLElement>('.reading-part')) {
    const title = part.querySelector('.reading-part-title')?.textContent ?? '';
    items.push(entry(part.id, title, 'part'));
    for (const slide of part.querySelectorAll<HTMLElement>('.reading-slide')) {
      const number = slide.dataset['section'] ?? '';
      const text = slide.querySelector('.reading-slide-number')?.textContent ?? '';
      items.push(entry(`s-${number}`, text.replace(/^Слайд\s+/, ''), 'slide'));
    }
  }
  return h(
    'nav',
    { class: 'print-toc', 'aria-label': 'Содержание' },
    h('h2', {}, 'Содержание'),
    h('ol', {}, ...items),
  );
}

/**
 * Lays `main` out as the handout: the cover and the contents before it, every widget step
 * expanded (see expandWidgets). Resolves when the page may be printed.
 */
export async function expandWidgetsForPrint(main: HTMLElement): Promise<void> {
  await expandWidgets(main);
  const title =
    main.parentElement?.querySelector('.reading-header h1')?.textContent ??
    'Брокеры сообщений — Redis, RabbitMQ, Kafka';
  const parts = main.querySelectorAll('.reading-part').length;
  const slides = main.querySelectorAll('.reading-slide').length;
  main.before(cover(title, parts, slides), contents(main));
}
