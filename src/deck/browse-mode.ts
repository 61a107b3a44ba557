/**
 * Keeps `.reveal` free of `role="application"`, which reveal.js sets on start and which keeps
 * screen readers out of browse mode (reveal.js issue #3772): slides then read as a document.
 */
import { onDeckEvents } from './deck-events.ts';
import type { RevealApi } from './reveal-api.ts';

/** Removes the role once the deck is ready and whenever reveal.js sets it again; returns an unbind. */
export function bindBrowseMode(deck: RevealApi, revealElement: HTMLElement): () => void {
  const clear = (): void => {
    if (revealElement.getAttribute('role') === 'application') revealElement.removeAttribute('role');
  };
  // An observer catches a re-set at any time (layout, reconfigure), not only on slide change.
  const observer = new MutationObserver(clear);
  observer.observe(revealElement, { attributes: true, attributeFilter: ['role'] });
  const unbind = onDeckEvents(deck, { ready: clear, slidechanged: clear });
  clear();
  return () => {
    observer.disconnect();
    unbind();
  };
}
