/**
 * The deck's entry point: puts the built slides into the page, applies the lecture length from
 * the URL, starts reveal.js with our speaker view (`S`, src/deck/speaker/) and binds code steps,
 * copy buttons and widgets (src/deck/widget-bridge.ts). Exposes the deck as `window.Reveal`
 * (tests, console).
 * `?view=read` opens the reading view instead, `?view=print` its print form for the PDF handout
 * (src/reading/), loaded only when asked for.
 */
import 'reveal.js/reveal.css';
import '../styles/index.css';
import Reveal from 'reveal.js';
import { slidesHtml } from 'virtual:lecture-deck';
import { bindBrowseMode } from './browse-mode.ts';
import { bindCodeSteps } from './code-steps.ts';
import { bindCopyButtons } from './copy-button.ts';
import { bindSlideFitting } from './fit-slide.ts';
import { readLectureLength } from './lecture-length.ts';
import { showLengthNotice } from './length-notice.ts';
import { applyLecturePlan } from './lecture-plan.ts';
import { revealConfig } from './reveal-config.ts';
import { registerServiceWorker } from './service-worker.ts';
import { addWidgetStepFragments, bindWidgets } from './widget-bridge.ts';
import { viewModeFrom } from '../reading/mode.ts';

declare global {
  interface Window {
    /** The running deck (reveal.js API). */
    Reveal?: InstanceType<typeof Reveal>;
    /** The lecture length in minutes this page load uses. */
    lectureMinutes?: number;
  }
}

function startDeck(): void {
  const revealElement = document.querySelector<HTMLElement>('.reveal');
  const slidesElement = revealElement?.querySelector<HTMLElement>('.slides');
  if (!revealElement || !slidesElement)
    throw new Error('index.html must contain .reveal > .slides');

  slidesElement.innerHTML = slidesHtml;
  const { minutes, problem } = readLectureLength(window.location.search);
  if (problem) {
    console.warn(problem);
    showLengthNotice(problem);
  }
  applyLecturePlan([...slidesElement.querySelectorAll<HTMLElement>(':scope > section')], minutes);
  // Widget steps are fragments, and reveal.js counts fragments when it starts.
  addWidgetStepFragments(slidesElement);

  const deck = new Reveal(revealElement, revealConfig());
  window.Reveal = deck;
  window.lectureMinutes = minutes;
  bindBrowseMode(deck, revealElement);
  bindCodeSteps(deck);
  bindSlideFitting(deck);
  bindCopyButtons(revealElement);
  bindWidgets(deck);
  deck.on('ready', () => performance.mark('deck-ready'));
  void deck.initialize();
}

const mode = viewModeFrom(window.location.search);
if (mode === 'deck') startDeck();
else void import('../reading/reading-view.ts').then((m) => m.startReadingView(slidesHtml, mode));
// The reading view is offline-capable too: a student may open it first.
if (mode !== 'print') registerServiceWorker();
