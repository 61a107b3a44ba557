/**
 * reveal.js settings of the deck, in one typed place. Only src/deck touches reveal.js.
 */
import type { RevealConfig } from 'reveal.js';
import { SCROLL_VIEW_WIDTH } from './scroll-view-link.ts';
import { SpeakerViewPlugin } from './speaker/plugin.ts';

/** The deck's configuration; `slideNumber` shows the lecture's section number, not a count. */
export function revealConfig(): RevealConfig {
  return {
    // Deep links (#/s-22) and reload keep the current slide.
    hash: true,
    // The audience sees the lecture's section number, even after the hidden sections 20–21.
    // reveal reads value[0..2] as [number, delimiter, total]; a non-numeric total shows the number alone.
    slideNumber: (slide: HTMLElement | undefined) => [slide?.dataset['section'] ?? '', '', ''],
    showSlideNumber: 'all',
    controls: true,
    controlsTutorial: false,
    // Our Russian `?` overlay (src/deck/shortcuts.ts) instead of reveal's English one.
    help: false,
    progress: true,
    // Slides lay out from the top: headings stay put from slide to slide.
    center: false,
    width: 1280,
    height: 720,
    margin: 0.04,
    // Slides laid out around the current one (reveal's default is 3): the one before and the one
    // after, so the first layout before the first slide covers two sections, not four to seven.
    viewDistance: 1,
    mobileViewDistance: 1,
    transition: 'fade',
    transitionSpeed: 'fast',
    backgroundTransition: 'none',
    // Fragments (code steps, reveals) count in the URL, so a reload returns to the same step.
    fragmentInURL: true,
    // Phones get reveal's scroll view (its default width, named once for the links that need it).
    scrollActivationWidth: SCROLL_VIEW_WIDTH,
    pdfSeparateFragments: false,
    // Our own speaker view on `S` (src/deck/speaker/) instead of reveal's notes plugin.
    plugins: [SpeakerViewPlugin()],
  };
}
