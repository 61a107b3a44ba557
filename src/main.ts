/**
 * The page's one entry (index.html): chooses the view from the URL and starts it with the built
 * slides, which the build put into index.html's `.reveal > .slides` (parsed with the page, not
 * carried in this script). The presentation (src/deck/) by default; `?view=read` the reading
 * view, `?view=print` its print form for the PDF handout (src/reading/), loaded only when asked
 * for; from the lecture server, `?live` a phone that follows the lecturer (src/reading/follow-view.ts)
 * and `?live&remote=KEY` the lecturer's remote (src/remote/). Neither view imports the other; what both use lives in src/lecture/ (pure) and src/page/
 * (DOM).
 */
import 'reveal.js/reveal.css';
import './styles/index.css';
import { sectionCount } from 'virtual:lecture-deck';
import { startDeck } from './deck/main.ts';
import { fillLaterSlides } from './page/later-slides.ts';
import { registerServiceWorker } from './page/service-worker.ts';
import { liveRoleFrom, viewModeFrom } from './lecture/view-mode.ts';

const slides = document.querySelector<HTMLElement>('.reveal > .slides');
const found = slides?.querySelectorAll(':scope > section[data-section]').length ?? 0;
// The page and this script come from one build; anything else would show the wrong lecture.
if (!slides || found !== sectionCount)
  throw new Error(
    `index.html has ${found} sections in .reveal > .slides, the lecture ${sectionCount}`,
  );

const mode = viewModeFrom(window.location.search);
// Live mode (issue 15 §3, `npm run live`): a student's phone follows the lecturer (`?live`), the
// lecturer's phone is a remote (`?live&remote=KEY`); both are loaded only when asked for.
// One loader per view, each its own function: the minifier folded three `import()` branches of
// one if/else into one preload call carrying the reading view's CSS for all three.
const views = {
  follow: () => import('./reading/follow-view.ts').then((m) => m.startFollowView(slides)),
  remote: () => import('./remote/remote-view.ts').then((m) => m.startRemoteView(slides)),
  read: () => import('./reading/reading-view.ts').then((m) => m.startReadingView(slides, 'read')),
  print: () => import('./reading/reading-view.ts').then((m) => m.startReadingView(slides, 'print')),
};
// The views other than the deck read every slide at once (src/page/later-slides.ts).
if (mode === 'deck') void startDeck(slides).catch((error: unknown) => console.error(error));
else void fillLaterSlides(slides).then(views[mode]);
// The reading view is offline-capable too: a student may open it first. Nothing served by the
// lecture server registers one (the live views need the server, and the lecturer's deck must be
// the build the server serves now, never an older precached one after a rebuild).
if ((mode === 'deck' || mode === 'read') && liveRoleFrom(window.location.search) === undefined)
  registerServiceWorker();
