/**
 * The deck's entry point: puts the built slides into the page, applies the lecture length from
 * the URL, starts reveal.js with the speaker-notes plugin and binds code steps, copy buttons and
 * widget slots. Exposes the deck as `window.Reveal` (tests, console).
 */
import 'reveal.js/reveal.css';
import '../styles/index.css';
import Reveal from 'reveal.js';
import { slidesHtml } from 'virtual:lecture-deck';
import { bindCodeSteps } from './code-steps.ts';
import { bindCopyButtons } from './copy-button.ts';
import { lectureMinutesFrom } from './lecture-length.ts';
import { applyLecturePlan } from './lecture-plan.ts';
import { revealConfig } from './reveal-config.ts';
import { bindWidgetSlots } from './widget-slots.ts';

declare global {
  interface Window {
    /** The running deck (reveal.js API). */
    Reveal?: InstanceType<typeof Reveal>;
    /** The lecture length in minutes this page load uses. */
    lectureMinutes?: number;
  }
}

const revealElement = document.querySelector<HTMLElement>('.reveal');
const slidesElement = revealElement?.querySelector<HTMLElement>('.slides');
if (!revealElement || !slidesElement) throw new Error('index.html must contain .reveal > .slides');

slidesElement.innerHTML = slidesHtml;
const minutes = lectureMinutesFrom(window.location.search);
applyLecturePlan([...slidesElement.querySelectorAll<HTMLElement>(':scope > section')], minutes);

const deck = new Reveal(revealElement, revealConfig());
window.Reveal = deck;
window.lectureMinutes = minutes;
bindCodeSteps(deck);
bindCopyButtons(revealElement);
bindWidgetSlots(deck);
deck.on('ready', () => performance.mark('deck-ready'));
void deck.initialize();
