/**
 * A slide link on a phone. At {@link SCROLL_VIEW_WIDTH} px and below reveal.js shows its scroll
 * view, which does not follow the link it was opened with: `#/s-14` opened on the title. Once the
 * deck is ready, the slide the link named is scrolled into view. (A shared widget state opens in
 * the reading view there instead: `takeSharedLink` in src/widgets/runtime/share-ui.ts.)
 */

/** At this width and below reveal.js shows its scroll view (the deck's `scrollActivationWidth`). */
export const SCROLL_VIEW_WIDTH = 435;

/** What `bindScrollViewLink` needs of the deck. */
export interface ScrollViewDeck {
  on(type: 'ready', listener: () => void): void;
  getViewportElement(): HTMLElement | null;
}

/** The slide id a deck hash names (`#/s-14`, `#/s-14/0/2`, `#/title`), if any. */
export function linkedSlideId(hash: string): string | undefined {
  const match = /^#\/([A-Za-z][\w-]*)(?:\/|$)/.exec(hash);
  return match?.[1];
}

export function bindScrollViewLink(deck: ScrollViewDeck, hash = window.location.hash): void {
  const id = linkedSlideId(hash);
  if (id === undefined) return;
  deck.on('ready', () => {
    if (!deck.getViewportElement()?.classList.contains('reveal-scroll')) return;
    const slide = document.getElementById(id);
    const page = slide?.closest<HTMLElement>('.scroll-page');
    if (page) page.scrollIntoView({ block: 'start' });
  });
}
