/**
 * Step-by-step line highlighting in code blocks: each step is a hidden reveal.js fragment
 * (`.code-step[data-lines]`, rendered by the pipeline); the lines of the last shown step are
 * marked active and the others dimmed. Derived from the fragment state, so going back, deep
 * links and the speaker view's preview agree.
 */
import { onDeckEvents } from './deck-events.ts';
import type { RevealApi } from './reveal-api.ts';

/** Class names set by this module (the theme styles them). */
export const CODE_STEP_CLASSES = {
  focus: 'code-block--focus',
  active: 'code-line--active',
} as const;

/** Re-marks the lines of every stepped code block inside `slide`. */
export function updateCodeSteps(slide: Element | null | undefined): void {
  if (!slide) return;
  for (const block of slide.querySelectorAll<HTMLElement>('.code-block[data-has-steps]')) {
    const shown = block.querySelectorAll<HTMLElement>('.code-step.visible');
    const current = shown[shown.length - 1];
    const lines = new Set((current?.dataset['lines'] ?? '').split(',').filter(Boolean).map(Number));
    block.classList.toggle(CODE_STEP_CLASSES.focus, current !== undefined);
    const all = [...block.querySelectorAll<HTMLElement>('.code-line')];
    const active: number[] = [];
    all.forEach((line, i) => {
      const on = lines.has(Number(line.dataset['line']));
      line.classList.toggle(CODE_STEP_CLASSES.active, on);
      if (on) active.push(i);
    });
    const pre = block.querySelector<HTMLElement>('pre');
    if (pre) pre.scrollTop = stepScroll(pre, all.length, active);
  }
}

/**
 * Where a long snippet that scrolls inside its block (14 lines high, src/styles/code.css) stands
 * for a step: by whole lines, and as little as needed from the top, so that the step's lines are
 * all in view with as many lines above them (the code they belong to) as fit; a step taller than
 * the view starts at its first line. Before the first step, the top. `active` holds the step's
 * line indices (0-based, ascending); the view has no padding, so line i starts at i × its height.
 */
export function stepScroll(
  pre: Pick<HTMLElement, 'scrollHeight' | 'clientHeight'>,
  lineCount: number,
  active: readonly number[],
): number {
  const first = active[0];
  const last = active[active.length - 1];
  if (lineCount === 0 || first === undefined || last === undefined) return 0;
  if (pre.scrollHeight <= pre.clientHeight) return 0;
  const pitch = pre.scrollHeight / lineCount;
  const shown = Math.max(1, Math.floor(pre.clientHeight / pitch + 0.05));
  return Math.min(first, Math.max(0, last - shown + 1)) * pitch;
}

/** Follows slide and fragment changes; returns a function that unbinds the listeners. */
export function bindCodeSteps(deck: RevealApi): () => void {
  const update = (): void => updateCodeSteps(deck.getCurrentSlide());
  return onDeckEvents(deck, {
    ready: update,
    slidechanged: update,
    fragmentshown: update,
    fragmenthidden: update,
  });
}
