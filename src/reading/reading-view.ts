/**
 * The reading view (`?view=read`): the whole lecture as one scrolling page for students — each
 * slide as it looks in class, followed by the lecturer's text; a table of contents by part;
 * search across slides and notes; playable widgets; self-check questions at the end of each part.
 * It never starts reveal.js, so it works the same from the one-file build and offline.
 */
import { PARTS, isPartName, type PartName } from '../lecture/names.ts';
import { writeClipboard } from '../page/clipboard.ts';
import { bindCopyButtons } from '../page/copy-button.ts';
import { widgetInSlot } from '../widgets/catalog.ts';
import { h } from '../widgets/runtime/dom.ts';
import { mountWidget } from '../widgets/runtime/mount.ts';
import { shareWidget, takeSharedLink } from '../widgets/runtime/share-ui.ts';
import { quizQuestions } from './quiz-data.ts';
import { renderQuiz } from './quiz.ts';
import { expandWidgetsForPrint, PRINT_ZOOM } from './print.ts';
import { bindSearch } from './search-box.ts';
import { tableOfContents } from './toc.ts';
import './reading.css';

/** The slide design width the deck's theme is laid out for. */
const SLIDE_WIDTH = 1280;

interface ReadingSlide {
  readonly section: number;
  readonly part: PartName;
  readonly title: string;
  readonly article: HTMLElement;
}

/** The top-level sections of the page's `.reveal > .slides` (already parsed with the page). */
function sectionsOf(slides: ParentNode): HTMLElement[] {
  return [...slides.children].filter(
    (el): el is HTMLElement => el instanceof HTMLElement && el.tagName === 'SECTION',
  );
}

function toArticle(section: HTMLElement): ReadingSlide | undefined {
  if (section.dataset['visibility'] === 'hidden') return undefined;
  const number = Number(section.dataset['section']);
  const part = section.dataset['part'] ?? '';
  if (!Number.isInteger(number) || !isPartName(part)) return undefined;
  const title = section.querySelector('.slide-title')?.textContent ?? '';
  const notes = section.querySelector('aside.notes');
  notes?.remove();
  // «План: 1 мин 56 с из 90 мин» paces the lecturer; a student reading at home has no use for it.
  notes?.querySelector('.notes-plan')?.remove();
  // Step fragments only highlight code in class; here every line is simply shown.
  for (const fragment of section.querySelectorAll('.fragment')) fragment.classList.add('visible');
  const notesBox = h(
    'div',
    { class: 'reading-notes' },
    h('h4', {}, 'Текст лекции'),
    ...(notes ? [...notes.childNodes] : []),
  );
  const article = h(
    'article',
    { class: 'reading-slide', 'data-section': number, 'aria-labelledby': `t-${number}` },
    h(
      'p',
      { class: 'reading-slide-meta' },
      h('span', { class: 'reading-slide-number', id: `t-${number}` }, `Слайд ${number}. ${title}`),
      h('a', { href: `./#/s-${number}`, class: 'reading-open' }, 'открыть в презентации'),
    ),
    h('div', { class: 'reveal reading-frame' }, section),
    notesBox,
  );
  return { section: number, part, title, article };
}

/** Mounts a slide's widgets when the slide comes near the viewport; they stay for the visit. */
function mountWidgetsLazily(root: HTMLElement): void {
  const mount = (slot: HTMLElement): void => {
    const entry = widgetInSlot(slot);
    if (!entry || slot.dataset['mounted']) return;
    slot.dataset['mounted'] = 'true';
    entry.load().then(
      // The lab is drawn at the column's own size (reading.css undoes the frame's zoom for it),
      // so it reflows on a phone instead of shrinking with the slide.
      (module) => {
        const handle = mountWidget(slot, entry.name, module, { story: entry.story, face: 'lab' });
        shareWidget(slot, handle, {
          view: 'read',
          copy: writeClipboard,
          goTo: (step) => handle.setStep(step, false),
        });
      },
      () => slot.append(h('p', { class: 'reading-error' }, 'Виджет не загрузился.')),
    );
  };
  // An empty slot is display:none and never intersects, so watch the slide around it.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        entry.target.querySelectorAll<HTMLElement>('.widget-slot').forEach(mount);
      }
    },
    { rootMargin: '600px 0px' },
  );
  for (const article of root.querySelectorAll('.reading-slide')) {
    if (article.querySelector('.widget-slot')) observer.observe(article);
  }
}

/** Scales the 1280-px slide frames to the column width (CSS zoom keeps the layout height right). */
function fitFrames(main: HTMLElement): void {
  const apply = (): void => {
    const width = main.clientWidth;
    if (width > 0)
      main.style.setProperty('--reading-zoom', String(Math.min(1, width / SLIDE_WIDTH)));
  };
  apply();
  new ResizeObserver(apply).observe(main);
}

/**
 * Replaces the page with the reading view built from the deck's slides (`deck`, the page's
 * `.reveal > .slides`: its sections move into the view, never serialized and parsed again). In
 * `print` form (the PDF handout) there are no questions, every widget step is a static frame,
 * and `<html data-print-ready="true">` says when the page may be printed.
 */
export function startReadingView(deck: ParentNode, form: 'read' | 'print' = 'read'): void {
  const print = form === 'print';
  const sections = sectionsOf(deck);
  const slides = sections.map(toArticle).filter((s): s is ReadingSlide => s !== undefined);
  const byPart = new Map<PartName, ReadingSlide[]>();
  for (const slide of slides) byPart.set(slide.part, [...(byPart.get(slide.part) ?? []), slide]);
  const titles = new Map(slides.map((s) => [s.section, s.title]));
  const questions = quizQuestions();

  const main = h(
    'main',
    { class: 'reading-main', id: 'reading-main' },
    ...[...byPart].map(([part, partSlides]) => {
      const own = questions.filter((q) => q.part === part);
      return h(
        'section',
        { class: 'reading-part', id: `part-${part}`, 'data-part': part },
        h('h2', { class: 'reading-part-title' }, PARTS[part]),
        ...partSlides.map((s) => s.article),
        !print && own.length > 0 ? renderQuiz(PARTS[part], own, titles) : null,
      );
    }),
  );
  const header = h(
    'header',
    { class: 'reading-header' },
    h('h1', {}, 'Брокеры сообщений — Redis, RabbitMQ, Kafka'),
    h('p', { class: 'reading-sub' }, 'Лекция для чтения: слайды, текст лекции, виджеты и вопросы'),
    h('a', { href: './', class: 'reading-open' }, 'Открыть презентацию'),
  );
  const search = bindSearch(main);
  const toc = tableOfContents(byPart);
  const page = h(
    'div',
    { class: 'reading' },
    header,
    h('aside', { class: 'reading-side' }, search.element, toc.element),
    main,
  );

  document.documentElement.classList.add('reading-mode');
  document.documentElement.classList.toggle('print-mode', print);
  // reveal.css restyles `html:not(.print-pdf) .reveal div` for printing (block layout, no grids);
  // our frames keep the deck's own layout on paper.
  document.documentElement.classList.add('print-pdf');
  document.title = 'Брокеры сообщений — лекция для чтения';
  document.body.replaceChildren(page);
  bindCopyButtons(main);
  if (print) {
    main.style.setProperty('--reading-zoom', String(PRINT_ZOOM));
    void expandWidgetsForPrint(main).then(() => {
      document.documentElement.dataset['printReady'] = 'true';
    });
    return;
  }
  fitFrames(main);
  mountWidgetsLazily(main);
  toc.track();
  // A shared widget state (#s-13?w=…) leaves the hash; the widget takes it when it is mounted.
  takeSharedLink();
  // A deep link (#s-13) points into content that did not exist when the page loaded.
  const target = window.location.hash
    ? document.getElementById(window.location.hash.slice(1))
    : null;
  target?.scrollIntoView();
}
