/**
 * The page's one entry (index.html): chooses the view from the URL and starts it with the built
 * slides. The presentation (src/deck/) by default; `?view=read` the reading view, `?view=print`
 * its print form for the PDF handout (src/reading/), loaded only when asked for. Neither view
 * imports the other; what both use lives in src/lecture/ (pure) and src/page/ (DOM).
 */
import 'reveal.js/reveal.css';
import './styles/index.css';
import { slidesHtml } from 'virtual:lecture-deck';
import { startDeck } from './deck/main.ts';
import { registerServiceWorker } from './page/service-worker.ts';
import { viewModeFrom } from './lecture/view-mode.ts';

const mode = viewModeFrom(window.location.search);
if (mode === 'deck') startDeck(slidesHtml);
else void import('./reading/reading-view.ts').then((m) => m.startReadingView(slidesHtml, mode));
// The reading view is offline-capable too: a student may open it first.
if (mode !== 'print') registerServiceWorker();
