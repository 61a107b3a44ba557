/**
 * The deck and the later slides (src/lecture/later-slides.ts): their body and notes are put in
 * place after the first frame is drawn, or at once when the first frame needs them — an address
 * that names a later slide (or anything this cannot read, a shared widget state included),
 * reveal.js's print (`?print-pdf`) or scroll view (a phone), a query reveal.js reads as settings.
 * Should the lecturer move on or open the overview before that frame, they are put in place
 * first. Either way they get what the deck gave the first ones before it started: the lecture
 * length's plan lines and the widget steps as fragments.
 */
import { fillLaterSlides, waitsForContent } from '../page/later-slides.ts';
import { applyLecturePlan } from '../page/lecture-plan.ts';
import type { RevealApi } from './reveal-api.ts';
import { linkedSlideId, SCROLL_VIEW_WIDTH } from './scroll-view-link.ts';
import { addWidgetStepFragments } from './widget-bridge.ts';

/**
 * Runs `task` when the browser is idle, or after a second at the latest (Safari has no
 * requestIdleCallback; a test's fake clock may hold it). `task` must be safe to run twice.
 */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 500 });
  setTimeout(task, 1000);
}

/** Every section with a lecture section number (the title screen is not in the plan). */
function planned(slides: HTMLElement): HTMLElement[] {
  return [...slides.querySelectorAll<HTMLElement>(':scope > section[data-section]')];
}

/** Whether the first frame may go without the later slides' content. */
function mayWait(slides: HTMLElement, { hash, search }: Location): boolean {
  // reveal.js reads settings from the query (`?print-pdf`, `?view=scroll`, …): show it all.
  if (search !== '' && !/^\?(?:minutes=\d+)?$/.test(search)) return false;
  // reveal's scroll view starts at SCROLL_VIEW_WIDTH of the slides' box; a phone is well below.
  if (window.innerWidth <= SCROLL_VIEW_WIDTH * 1.5) return false;
  if (hash === '' || hash === '#' || hash === '#/') return true;
  const id = linkedSlideId(hash);
  if (id === undefined || !/^#\/[\w-]+(?:\/\d+){0,2}$/.test(hash)) return false;
  const section = slides.querySelector<HTMLElement>(`:scope > section#${CSS.escape(id)}`);
  return section !== null && !waitsForContent(slides, section);
}

/**
 * Fills the later slides now if the first frame needs them (call before the deck reads the
 * sections); returns the function that fills them later, with `minutes` the lecture length.
 */
export function prepareLaterSlides(
  slides: HTMLElement,
  minutes: number,
): { readonly waiting: boolean; readonly fill: (deck?: RevealApi) => void } {
  const fill = (deck?: RevealApi): void => {
    const filled = fillLaterSlides(slides);
    if (filled.length === 0) return;
    applyLecturePlan(planned(slides), minutes);
    for (const section of filled) {
      addWidgetStepFragments(section);
      // Fragment indices, as reveal.js gives every slide's when it starts (they are read ahead:
      // the speaker view's step count, a jump to a slide's last step).
      deck?.syncFragments(section);
    }
  };
  const waiting = mayWait(slides, window.location);
  if (!waiting) fill();
  return { waiting, fill };
}

/**
 * Fills the later slides once the deck's first frame is drawn and the page is idle, or before a
 * slide change or the overview if one comes first. They are fitted as any slide is, when reached
 * (src/deck/fit-slide.ts fits the current and the next on every change, all on the overview).
 */
export function bindLaterSlides(
  deck: RevealApi,
  later: ReturnType<typeof prepareLaterSlides>,
): void {
  if (!later.waiting) return;
  const fillOnce = (): void => {
    later.fill(deck);
    deck.off('beforeslidechange', fillOnce);
    deck.off('overviewshown', fillOnce);
  };
  deck.on('ready', () => {
    // Not before: reveal.js changes to the first slide (beforeslidechange) while it starts.
    deck.on('beforeslidechange', fillOnce);
    deck.on('overviewshown', fillOnce);
    // After the frame, when the page is idle: the first slide's own tasks (widgets, fonts) first.
    requestAnimationFrame(() => whenIdle(fillOnce));
  });
}
