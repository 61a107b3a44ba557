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
    let first: HTMLElement | undefined;
    for (const line of block.querySelectorAll<HTMLElement>('.code-line')) {
      const active = lines.has(Number(line.dataset['line']));
      line.classList.toggle(CODE_STEP_CLASSES.active, active);
      if (active && !first) first = line;
    }
    scrollIntoBlock(block, first);
  }
}

/** Keeps the first active line visible when a long snippet scrolls inside its block. */
function scrollIntoBlock(block: HTMLElement, line: HTMLElement | undefined): void {
  const pre = block.querySelector<HTMLElement>('pre');
  if (!pre || pre.scrollHeight <= pre.clientHeight) return;
  pre.scrollTop = line ? Math.max(0, line.offsetTop - pre.clientHeight / 4) : 0;
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
