/**
 * The deck and the later slides (src/lecture/later-slides.ts): their body and notes are put in
 * place after the first frame is drawn, or before reveal.js starts when the first frame needs
 * them — an address that names a later slide (or anything this cannot read, a shared widget
 * state included), reveal.js's print (`?print-pdf`) or scroll view (a phone), a query reveal.js
 * reads as settings. Should the lecturer move to a slide still waiting before that, the move
 * waits for them (a few ms); the overview gets them as they come. Either way they get what the
 * deck gave the first ones before it started: the lecture length's plan lines and the widget
 * steps as fragments.
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

/** The later slides for a deck: whether they wait for the first frame, and how to fill them. */
export interface LaterSlides {
  readonly waiting: boolean;
  /** Fills them (once; later calls wait for the first) and gives them what the deck gives a slide. */
  readonly fill: (deck?: RevealApi) => Promise<void>;
}

/**
 * Whether the first frame needs the later slides (then fill them before reveal.js reads the
 * sections); with the function that fills them, with `minutes` the lecture length.
 */
export function prepareLaterSlides(slides: HTMLElement, minutes: number): LaterSlides {
  const fill = async (deck?: RevealApi): Promise<void> => {
    const filled = await fillLaterSlides(slides);
    if (filled.length === 0) return;
    applyLecturePlan(planned(slides), minutes);
    for (const section of filled) {
      addWidgetStepFragments(section);
      // Fragment indices, as reveal.js gives every slide's when it starts (they are read ahead:
      // the speaker view's step count, a jump to a slide's last step).
      deck?.syncFragments(section);
    }
  };
  return { waiting: mayWait(slides, window.location), fill };
}

/**
 * Fills the later slides once the deck's first frame is drawn and the page is idle, or at a
 * slide change or the overview if one comes first (a move to a later slide waits for them).
 * They are fitted as any slide is, when reached (src/deck/fit-slide.ts fits the current and the
 * next on every change, all on the overview).
 */
export function bindLaterSlides(deck: RevealApi, later: LaterSlides): void {
  if (!later.waiting) return;
  let filled: Promise<void> | undefined;
  const fillOnce = (): Promise<void> => {
    filled ??= later
      .fill(deck)
      .catch((error: unknown) => console.error(error))
      .then(() => {
        deck.off('beforeslidechange', beforeChange);
        deck.off('overviewshown', fillOnce);
      });
    return filled;
  };
  // A move to a slide still waiting for its content waits for it, then goes on (every move made
  // meanwhile, in order).
  const beforeChange = (event: Event): void => {
    const { indexh, indexv } = event as Event & { indexh?: number; indexv?: number };
    const target = indexh === undefined ? undefined : deck.getSlide(indexh, indexv);
    const slides = deck.getSlidesElement();
    const waits = slides !== null && target !== undefined && waitsForContent(slides, target);
    if (waits) event.preventDefault();
    void fillOnce().then(() => {
      if (waits) deck.slide(indexh, indexv);
    });
  };
  deck.on('ready', () => {
    // Not before: reveal.js changes to the first slide (beforeslidechange) while it starts.
    deck.on('beforeslidechange', beforeChange);
    deck.on('overviewshown', fillOnce);
    // After the frame, when the page is idle: the first slide's own tasks (widgets, fonts) first.
    requestAnimationFrame(() => whenIdle(() => void fillOnce()));
  });
}
