/**
 * Keeps a slide's body inside the 1280×720 frame: when the content (all fragments counted, as
 * they take their space while hidden) is taller than the room under the title, the body is
 * zoomed down — never below MIN_ZOOM, so text stays readable from the back row. Slides that
 * would need more are the content's problem; the browser tests list them.
 */
import { onDeckEvents } from './deck-events.ts';
import type { RevealApi } from './reveal-api.ts';

/** The smallest zoom applied (32 px body text → 25.6 px). */
export const MIN_ZOOM = 0.8;
/** Room kept free at the bottom for the slide number and controls (deck pixels). */
const BOTTOM_RESERVE = 44;

/** The zoom that makes `natural` px fit into `available` px, clamped to [MIN_ZOOM, 1]. */
export function fitZoom(natural: number, available: number): number {
  if (natural <= available || natural <= 0) return 1;
  return Math.max(MIN_ZOOM, Math.floor((available / natural) * 100) / 100);
}

/** Fits one slide's `.slide-body` to the deck height. */
export function fitSlide(slide: HTMLElement, deckHeight: number): void {
  const body = slide.querySelector<HTMLElement>(':scope > .slide-body');
  // reveal.js keeps far-away slides at display: none; they are fitted when they come near.
  if (!body || slide.offsetHeight === 0) return;
  body.style.zoom = '';
  const available = deckHeight - body.offsetTop - BOTTOM_RESERVE;
  const zoom = fitZoom(body.scrollHeight, available);
  body.style.zoom = zoom === 1 ? '' : String(zoom);
}

/** Fits every laid-out slide at start and on each slide change, and the current one when its widgets resize. */
export function bindSlideFitting(deck: RevealApi): () => void {
  const height = (): number => Number(deck.getConfig().height ?? 720);
  const fitAll = (): void => {
    for (const slide of deck.getSlides()) fitSlide(slide, height());
  };
  // Widgets mount after the slide is shown and change its height.
  const observer = new ResizeObserver(() => {
    const slide = deck.getCurrentSlide();
    if (slide) fitSlide(slide, height());
  });
  const observeCurrent = (): void => {
    observer.disconnect();
    for (const slot of deck.getCurrentSlide()?.querySelectorAll('.widget-slot') ?? [])
      observer.observe(slot);
  };
  const onSlide = (): void => {
    fitAll();
    observeCurrent();
  };
  const unbind = onDeckEvents(deck, { ready: onSlide, slidechanged: onSlide });
  void document.fonts.ready.then(fitAll);
  return () => {
    unbind();
    observer.disconnect();
  };
}
