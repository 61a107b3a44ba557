/**
 * What → shows next on the current slide: the next reveal.js step (fragments sharing the smallest
 * index above the shown ones: a bullet, a code step, a widget step), or null after the last one,
 * when → goes to the next slide. Read from the fragments, as reveal.js and widget-bridge do.
 */
import { updateCodeSteps } from '../code-steps.ts';
import { WIDGET_STEP_CLASS } from '../widget-bridge.ts';
import type { PlannedSlide } from './plan.ts';
import { deckActionsKey } from './preview-widgets.ts';
import type { PreviewState } from './slide-preview.ts';

/** What «Дальше» shows: the next step of this slide, or the next slide; null after the end. */
export interface NextPreview {
  /**
   * Changes when what comes next changes (the preview is redrawn only then): the step, or the
   * lecturer's actions in the slide's widgets, which → keeps on top of the next step.
   */
  readonly key: string;
  /** The words after «Дальше:». */
  readonly label: string;
  readonly section: HTMLElement;
  readonly state: PreviewState;
}

/** The next step of a slide. */
export interface NextStep {
  /** The fragment index reveal.js shows next. */
  readonly index: number;
  /** Its place among the slide's steps (1-based) and their count. */
  readonly number: number;
  readonly total: number;
  /** A widget step (its step, 1-based, of `widgetSteps`), a code step or anything else. */
  readonly kind: 'widget' | 'code' | 'text';
  readonly widgetStep: number;
  readonly widgetSteps: number;
}

function fragmentIndex(fragment: HTMLElement): number {
  const index = Number(fragment.dataset['fragmentIndex'] ?? Number.NaN);
  return Number.isFinite(index) ? index : Number.NaN;
}

/** The step → shows next on `section`, or null when → leaves the slide. */
export function nextStepIn(section: HTMLElement): NextStep | null {
  const fragments = [...section.querySelectorAll<HTMLElement>('.fragment')];
  const indices = [...new Set(fragments.map(fragmentIndex).filter(Number.isFinite))].sort(
    (a, b) => a - b,
  );
  const shown = fragments
    .filter((f) => f.classList.contains('visible'))
    .map(fragmentIndex)
    .filter(Number.isFinite);
  const last = shown.length > 0 ? Math.max(...shown) : -1;
  const position = indices.findIndex((i) => i > last);
  const index = indices[position];
  if (index === undefined) return null;
  const group = fragments.filter((f) => fragmentIndex(f) === index);
  const widget = group.find((f) => f.classList.contains(WIDGET_STEP_CLASS));
  const slotSteps = widget
    ?.closest('.widget-slot')
    ?.querySelectorAll(`.${WIDGET_STEP_CLASS}`).length;
  return {
    index,
    number: position + 1,
    total: indices.length,
    kind: widget
      ? 'widget'
      : group.some((f) => f.classList.contains('code-step'))
        ? 'code'
        : 'text',
    widgetStep: Number(widget?.dataset['widgetStep'] ?? 0),
    widgetSteps: slotSteps ?? 0,
  };
}

/**
 * Puts a copy of a section in the state reveal.js gives it at fragment `index`: fragments up to it
 * shown, the last ones current, code lines marked for the last code step shown.
 */
export function showStepIn(copy: HTMLElement, index: number): void {
  for (const fragment of copy.querySelectorAll<HTMLElement>('.fragment')) {
    const i = fragmentIndex(fragment);
    if (!Number.isFinite(i)) continue;
    fragment.classList.toggle('visible', i <= index);
    fragment.classList.toggle('current-fragment', i === index);
  }
  updateCodeSteps(copy);
}

/** The words after «Дальше:» for a step. */
export function nextStepLabel(step: NextStep): string {
  const what =
    step.kind === 'widget'
      ? `виджет, его шаг ${step.widgetStep} из ${step.widgetSteps}`
      : step.kind === 'code'
        ? 'строки кода'
        : 'появится на слайде';
  return `шаг ${step.number} из ${step.total} — ${what}`;
}

/**
 * What → brings: the next step of `section` while it has one, else the next slide as it opens
 * (its widgets drawn at step 0), else null (the end of the lecture).
 */
export function nextPreview(
  section: HTMLElement,
  nextSection: HTMLElement | null,
  nextSlide: PlannedSlide | null,
): NextPreview | null {
  const step = nextStepIn(section);
  if (step) {
    return {
      key: `${section.id}#${step.index}#${deckActionsKey(section)}`,
      label: nextStepLabel(step),
      section,
      state: { fragmentIndex: step.index, freshWidgets: true },
    };
  }
  if (!nextSection) return null;
  const title = nextSlide
    ? `${nextSlide.section}. ${nextSlide.title}`
    : (nextSection.querySelector('h2')?.textContent?.trim() ?? '');
  return {
    key: `slide:${nextSection.id}`,
    label: title,
    section: nextSection,
    state: { freshWidgets: true },
  };
}
