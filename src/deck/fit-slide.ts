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
/**
 * A widget's stage slot covers the slide body from its first step on and sizes itself to the
 * frame, so the body's zoom (made for the code and text under it) must not shrink it: the slot
 * takes the inverse zoom (slide 7's body at 0.98 drew its stage's 25 px text at 23.5 px).
 */
const STAGE_SLOT = ".widget-slot[data-widget-layout='stage']";

/** The zoom that makes `natural` px fit into `available` px, clamped to [MIN_ZOOM, 1]. */
export function fitZoom(natural: number, available: number): number {
  if (natural <= available || natural <= 0) return 1;
  return Math.max(MIN_ZOOM, Math.floor((available / natural) * 100) / 100);
}

/** Fits one slide's `.slide-body` to the deck height. */
export function fitSlide(slide: HTMLElement, deckHeight: number): void {
  fitSlides([slide], deckHeight);
}

/**
 * Fits several slides in three passes — clear the zooms, measure every body, set the zooms — so
 * the browser lays the slides out once, not twice per slide as a read after each write would.
 */
export function fitSlides(slides: Iterable<HTMLElement>, deckHeight: number): void {
  const bodies: HTMLElement[] = [];
  for (const slide of slides) {
    const body = slide.querySelector<HTMLElement>(':scope > .slide-body');
    if (!body) continue;
    bodies.push(body);
    if (body.style.zoom !== '') body.style.zoom = '';
    for (const stage of body.querySelectorAll<HTMLElement>(STAGE_SLOT)) {
      if (stage.style.zoom !== '') stage.style.zoom = '';
    }
  }
  // reveal.js keeps far-away slides at display: none; they are fitted when they come near.
  const zooms = bodies.map((body) => {
    const slide = body.parentElement;
    if (!slide || slide.offsetHeight === 0) return undefined;
    return fitZoom(body.scrollHeight, deckHeight - body.offsetTop - BOTTOM_RESERVE);
  });
  bodies.forEach((body, i) => {
    const zoom = zooms[i];
    if (zoom === undefined || zoom === 1) return;
    body.style.zoom = String(zoom);
    for (const stage of body.querySelectorAll<HTMLElement>(STAGE_SLOT)) {
      stage.style.zoom = String(1 / zoom);
    }
  });
}

/** Runs `task` once the browser has drawn the next frame (a task after the animation frame). */
function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Fits the current slide and the next one (the speaker view copies both, zoom included) at start
 * and on each slide change, the other laid-out slides after the frame is drawn, every laid-out
 * slide when the overview opens and again once the fonts are in, and the current one when its
 * widgets resize.
 */
export function bindSlideFitting(deck: RevealApi): () => void {
  const height = (): number => Number(deck.getConfig().height ?? 720);
  const fitAll = (): void => fitSlides(deck.getSlides(), height());
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
  let cancelRest = (): void => undefined;
  const onSlide = (): void => {
    const slides = deck.getSlides();
    const current = deck.getCurrentSlide();
    const from = Math.max(current ? slides.indexOf(current) : -1, 0);
    fitSlides(slides.slice(from, from + 2), height());
    observeCurrent();
    // The slides around are invisible until navigated to, and each is fitted again then; the two
    // just fitted are left as they are (clearing their zoom would lay the shown slide out again).
    cancelRest();
    cancelRest = afterNextPaint(() =>
      fitSlides([...slides.slice(0, from), ...slides.slice(from + 2)], height()),
    );
  };
  // The overview (O) lays out the slides around too (reveal shows ten each way there).
  const unbind = onDeckEvents(deck, {
    ready: onSlide,
    slidechanged: onSlide,
    overviewshown: fitAll,
  });
  // Each time web fonts finish loading (fonts.ready may resolve before the first one starts).
  document.fonts.addEventListener('loadingdone', fitAll);
  return () => {
    unbind();
    document.fonts.removeEventListener('loadingdone', fitAll);
    cancelRest();
    observer.disconnect();
  };
}
