/**
 * The presentation (started by the page's entry, src/main.ts, unless the URL asks for the
 * reading view): takes the built slides already in the page, applies the lecture length from the URL,
 * starts reveal.js with our speaker view (`S`, src/deck/speaker/) and binds code steps, copy
 * buttons and widgets (src/deck/widget-bridge.ts). Exposes the deck as `window.Reveal` (tests,
 * console).
 */
import Reveal from 'reveal.js';
import { readLectureLength } from '../lecture/lecture-length.ts';
import { queryValue } from '../lecture/query.ts';
import { liveRoleFrom } from '../lecture/view-mode.ts';
import { bindCopyButtons } from '../page/copy-button.ts';
import { applyLecturePlan } from '../page/lecture-plan.ts';
import { bindBrowseMode } from './browse-mode.ts';
import { bindCodeSteps } from './code-steps.ts';
import { bindLaterSlides, prepareLaterSlides } from './later-slides.ts';
import { bindSlideFitting } from './fit-slide.ts';
import { showLengthNotice } from './length-notice.ts';
import { revealConfig } from './reveal-config.ts';
import { bindQrOverlay } from './qr-overlay.ts';
import { bindScrollViewLink } from './scroll-view-link.ts';
import { bindShortcuts } from './shortcuts.ts';
import { addWidgetStepFragments, bindWidgets } from './widget-bridge.ts';

declare global {
  interface Window {
    /** The running deck (reveal.js API). */
    Reveal?: InstanceType<typeof Reveal>;
    /** The lecture length in minutes this page load uses. */
    lectureMinutes?: number;
  }
}

/**
 * Starts the presentation of the built sections in `slidesElement` (index.html's `.reveal >
 * .slides`); resolves once reveal.js has been started.
 */
export async function startDeck(slidesElement: HTMLElement): Promise<void> {
  const revealElement = slidesElement.parentElement;
  if (!revealElement?.classList.contains('reveal'))
    throw new Error('index.html must contain .reveal > .slides');

  const { minutes, problem } = readLectureLength(window.location.search);
  if (problem) {
    console.warn(problem);
    showLengthNotice(problem);
  }
  // The later slides' content, now if the address needs it (src/deck/later-slides.ts).
  const later = prepareLaterSlides(slidesElement, minutes);
  if (!later.waiting) await later.fill();
  // The title screen (no data-section) is not part of the plan.
  applyLecturePlan(
    [...slidesElement.querySelectorAll<HTMLElement>(':scope > section[data-section]')],
    minutes,
  );
  // Widget steps are fragments, and reveal.js counts fragments when it starts.
  addWidgetStepFragments(slidesElement);

  const deck = new Reveal(revealElement, revealConfig());
  window.Reveal = deck;
  window.lectureMinutes = minutes;
  bindLaterSlides(deck, later);
  bindBrowseMode(deck, revealElement);
  bindCodeSteps(deck);
  bindSlideFitting(deck);
  bindCopyButtons(revealElement);
  bindWidgets(deck);
  bindShortcuts();
  bindQrOverlay(deck);
  bindScrollViewLink(deck);
  // Live mode (`npm run live`, the lecturer's `?live&key=…`): loaded only then, so the deck
  // without it opens no socket and adds nothing to the page.
  const liveKey = queryValue(window.location.search, 'key');
  if (liveRoleFrom(window.location.search) === 'lecturer' && liveKey) {
    void import('./live-lecturer.ts').then(({ startLiveLecturer }) =>
      startLiveLecturer(deck, liveKey),
    );
  }
  deck.on('ready', () => performance.mark('deck-ready'));
  await deck.initialize();
}
