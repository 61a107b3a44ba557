/**
 * The page's one entry (index.html): chooses the view from the URL and starts it with the built
 * slides, which the build put into index.html's `.reveal > .slides` (parsed with the page, not
 * carried in this script). The presentation (src/deck/) by default; `?view=read` the reading
 * view, `?view=print` its print form for the PDF handout (src/reading/), loaded only when asked
 * for. Neither view imports the other; what both use lives in src/lecture/ (pure) and src/page/
 * (DOM).
 */
import 'reveal.js/reveal.css';
import './styles/index.css';
import { sectionCount } from 'virtual:lecture-deck';
import { startDeck } from './deck/main.ts';
import { registerServiceWorker } from './page/service-worker.ts';
import { viewModeFrom } from './lecture/view-mode.ts';

const slides = document.querySelector<HTMLElement>('.reveal > .slides');
const found = slides?.querySelectorAll(':scope > section[data-section]').length ?? 0;
// The page and this script come from one build; anything else would show the wrong lecture.
if (!slides || found !== sectionCount)
  throw new Error(
    `index.html has ${found} sections in .reveal > .slides, the lecture ${sectionCount}`,
  );

const mode = viewModeFrom(window.location.search);
// Live mode's phone views (follow, remote) are wired in by issue 15 §3; until then a phone that
// opens the lecture server's address reads the lecture, and a remote address opens the deck.
if (mode === 'deck' || mode === 'remote') startDeck(slides);
else
  void import('./reading/reading-view.ts').then((m) =>
    m.startReadingView(slides, mode === 'print' ? 'print' : 'read'),
  );
// The reading view is offline-capable too: a student may open it first.
if (mode !== 'print') registerServiceWorker();
