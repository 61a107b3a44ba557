/**
 * The print form of the reading view (`?view=print`, used by `npm run pdf`): every widget is
 * shown at each of its clicker steps as a static frame with its caption, one live widget per
 * frame, so canvases and SVG print as drawn (reveal.js's own PDF export clones slides and loses
 * canvases).
 */
import { widgetInSlot } from '../widgets/catalog.ts';
import { h } from '../widgets/runtime/dom.ts';
import { mountWidget } from '../widgets/runtime/mount.ts';

/** Slide frames are zoomed to this in print: 1280 px × 0.8 fits an A4 landscape page. */
export const PRINT_ZOOM = 0.8;

/** A frame for one step: the widget inside a section of the same number, as on the slide. */
function stepFrame(
  section: number,
  slot: { name: string; story: string | undefined; steps: number },
  step: number,
): HTMLElement {
  const { name, story, steps } = slot;
  return h(
    'figure',
    { class: 'print-step', 'data-print-step': step },
    h('figcaption', { class: 'print-step-label' }, `Шаг ${step} из ${steps}`),
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
        }),
      ),
    ),
  );
}

/** Mounts every widget of `main` at step 0 in its slide and at steps 1…N in frames after it. */
export async function expandWidgetsForPrint(main: HTMLElement): Promise<void> {
  for (const article of main.querySelectorAll<HTMLElement>('.reading-slide')) {
    const section = Number(article.dataset['section']);
    const notes = article.querySelector('.reading-notes');
    for (const slot of article.querySelectorAll<HTMLElement>('.reading-frame .widget-slot')) {
      const entry = widgetInSlot(slot);
      if (!entry) continue;
      const { name, story } = entry;
      const module = await entry.load();
      mountWidget(slot, name, module, { reducedMotion: true, story, face: 'stage' });
      for (let step = 1; step <= entry.steps; step++) {
        const frame = stepFrame(section, entry, step);
        article.insertBefore(frame, notes);
        const target = frame.querySelector<HTMLElement>('.widget-slot');
        if (target) {
          const options = { reducedMotion: true, story, face: 'stage' } as const;
          mountWidget(target, name, module, options).setStep(step, false);
        }
      }
    }
  }
}
