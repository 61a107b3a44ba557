/**
 * The reading view's contents list: parts and their slides, the slide being read highlighted as
 * the page scrolls (an IntersectionObserver on the slides), and the list scrolled to keep that
 * entry in sight. On a wide screen the list is its own scroller under the search box; on a phone
 * it folds into one sticky line at the top («Содержание · 17. RabbitMQ — Архитектура»).
 */
import { PARTS, type PartName } from '../lecture/names.ts';
import { h } from '../widgets/runtime/dom.ts';

/** What the contents list needs of a slide. */
export interface TocSlide {
  readonly section: number;
  readonly title: string;
  readonly article: HTMLElement;
}

/** Below this width the contents list starts folded (reading.css switches layout at 900 px). */
const PHONE_QUERY = '(max-width: 900px)';

/** The slide crossing this line (a fraction of the viewport's height from the top) is current. */
const READING_LINE = 0.25;

export const TOC_CURRENT = 'reading-toc-current';

/** The contents list; `element` goes into the page, `track()` starts following the scroll. */
export function tableOfContents(byPart: ReadonlyMap<PartName, readonly TocSlide[]>): {
  element: HTMLElement;
  track(): void;
} {
  const here = h('span', { class: 'reading-toc-here' });
  const summary = h('summary', { class: 'reading-toc-summary' }, h('h2', {}, 'Содержание'), here);
  const list = h(
    'div',
    { class: 'reading-toc-list' },
    ...[...byPart].map(([part, slides]) =>
      h(
        'div',
        { class: 'reading-toc-part', 'data-part': part },
        h('a', { href: `#part-${part}`, class: 'reading-toc-part-link' }, PARTS[part]),
        h(
          'ol',
          {},
          ...slides.map((s) =>
            h(
              'li',
              { value: s.section, 'data-toc-section': s.section },
              h('a', { href: `#s-${s.section}` }, s.title),
            ),
          ),
        ),
      ),
    ),
  );
  const fold = h('details', { class: 'reading-toc-fold' }, summary, list);
  const phone = window.matchMedia(PHONE_QUERY);
  fold.open = !phone.matches;
  phone.addEventListener('change', () => {
    fold.open = !phone.matches;
  });
  // On a phone the open list covers the page: a chosen entry folds it again.
  list.addEventListener('click', (event) => {
    if (phone.matches && (event.target as Element | null)?.closest('a')) fold.open = false;
  });
  const element = h('nav', { class: 'reading-toc', 'aria-label': 'Содержание' }, fold);

  const titles = new Map<number, string>();
  for (const slides of byPart.values()) for (const s of slides) titles.set(s.section, s.title);
  const articles = [...byPart.values()].flat().map((s) => s.article);

  let current: number | undefined;
  const show = (section: number): void => {
    if (section === current) return;
    current = section;
    for (const old of element.querySelectorAll(`.${TOC_CURRENT}`))
      old.classList.remove(TOC_CURRENT);
    element.querySelector('[aria-current]')?.removeAttribute('aria-current');
    const item = element.querySelector<HTMLElement>(`[data-toc-section="${section}"]`);
    if (!item) return;
    item.classList.add(TOC_CURRENT);
    item.querySelector('a')?.setAttribute('aria-current', 'location');
    item.closest('.reading-toc-part')?.classList.add(TOC_CURRENT);
    here.textContent = `${section}. ${titles.get(section) ?? ''}`;
    // A wide screen scrolls the whole list (under the search box), a phone the unfolded list.
    for (const scroller of [element, list]) keepInSight(scroller, item);
  };

  const track = (): void => {
    const crossing = new Set<Element>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) crossing.add(entry.target);
          else crossing.delete(entry.target);
        }
        // The first slide (in page order) across the reading line; between two slides (the gap,
        // a part's title, its questions) the last one stays current.
        // Above the first slide (the page's header) the first one shown is current.
        const first =
          articles.find((a) => crossing.has(a)) ??
          (current === undefined ? articles.find((a) => !a.hidden) : undefined);
        const section = Number(first?.dataset['section']);
        if (first && Number.isInteger(section)) show(section);
      },
      { rootMargin: `-${READING_LINE * 100}% 0px -${(1 - READING_LINE) * 100 - 1}% 0px` },
    );
    for (const article of articles) observer.observe(article);
  };
  return { element, track };
}

/**
 * Scrolls `scroller` (only it, never the page, which the reader is scrolling) so that `item` sits
 * a third of the way down, unless it is already well inside; nothing when `scroller` does not
 * scroll (a folded list, or one that fits).
 */
function keepInSight(scroller: HTMLElement, item: HTMLElement): void {
  const { overflowY } = getComputedStyle(scroller);
  if (overflowY !== 'auto' && overflowY !== 'scroll') return;
  if (scroller.clientHeight === 0 || scroller.scrollHeight <= scroller.clientHeight) return;
  const box = scroller.getBoundingClientRect();
  const at = item.getBoundingClientRect();
  const margin = box.height / 6;
  if (at.top >= box.top + margin && at.bottom <= box.bottom - margin) return;
  scroller.scrollTop += at.top - box.top - box.height / 3;
}
