/**
 * The reading view's search field: filters slides (and their notes) to those containing the
 * query, highlights the matches, updates the table of contents and says how many slides were
 * found. Matches are painted with the CSS Custom Highlight API (`::highlight(search)`), which
 * leaves the page's text nodes alone; where the API is missing they are wrapped in `<mark>`.
 */
import { h } from '../widgets/runtime/dom.ts';
import { checkQuery, findMatches } from './search.ts';

const MARK_CLASS = 'reading-mark';
/** The name `::highlight(search)` in reading.css styles. */
export const SEARCH_HIGHLIGHT = 'search';
const DEBOUNCE_MS = 150;

/** Paints one search's matches and takes the previous search's away. */
interface Painter {
  clear(): void;
  add(node: Text, ranges: ReadonlyArray<readonly [number, number]>): void;
  /** Shows what was added since the last clear(). */
  show(): void;
}

/** The CSS Custom Highlight API: ranges over the text as it is, no element added or split. */
function highlightPainter(registry: HighlightRegistry): Painter {
  let ranges: Range[] = [];
  return {
    clear() {
      registry.delete(SEARCH_HIGHLIGHT);
      ranges = [];
    },
    add(node, found) {
      for (const [start, end] of found) {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        ranges.push(range);
      }
    },
    show() {
      if (ranges.length > 0) registry.set(SEARCH_HIGHLIGHT, new Highlight(...ranges));
    },
  };
}

/** The fallback for browsers without CSS.highlights: each match wrapped in <mark>. */
function markPainter(root: HTMLElement): Painter {
  return {
    clear: () => clearMarks(root),
    add: markMatches,
    show() {},
  };
}

/** The Highlight API when the browser has it, else <mark>. */
function painterFor(root: HTMLElement): Painter {
  const registry = typeof CSS === 'undefined' ? undefined : CSS.highlights;
  return registry && typeof Highlight === 'function'
    ? highlightPainter(registry)
    : markPainter(root);
}

/** Text nodes worth searching: not inside widgets (they re-render) or form controls. */
function searchableTextNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.widget-slot, .quiz, script, style, button, label')) {
        return NodeFilter.FILTER_REJECT;
      }
      return node.nodeValue?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

function clearMarks(root: HTMLElement): void {
  for (const mark of root.querySelectorAll(`mark.${MARK_CLASS}`)) {
    const parent = mark.parentNode;
    mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
    parent?.normalize();
  }
}

/** Wraps each match in a text node in <mark>; text stays text (no markup is parsed). */
function markMatches(node: Text, ranges: ReadonlyArray<readonly [number, number]>): void {
  const text = node.nodeValue ?? '';
  const pieces: Node[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push(document.createTextNode(text.slice(at, start)));
    pieces.push(h('mark', { class: MARK_CLASS }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) pieces.push(document.createTextNode(text.slice(at)));
  node.replaceWith(...pieces);
}

/** The search box for `main`; returns its element. */
export function bindSearch(main: HTMLElement): { element: HTMLElement } {
  const input = h('input', {
    type: 'search',
    id: 'reading-search',
    name: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'например, prefetch',
  });
  const error = h('p', { id: 'reading-search-error', class: 'reading-search-error', hidden: true });
  const status = h('p', { class: 'reading-search-status', role: 'status', 'aria-live': 'polite' });
  let timer: number | undefined;
  const painter = painterFor(main);

  const run = (): void => {
    const checked = checkQuery(input.value);
    if (checked.ok) {
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    } else {
      error.textContent = checked.message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
    }
    painter.clear();
    // An invalid query drops the previous results and highlights, as an empty one does, so the
    // page never shows matches for a query the field no longer holds.
    const query = checked.ok ? checked.query : '';
    const articles = [...main.querySelectorAll<HTMLElement>('.reading-slide')];
    let found = 0;
    for (const article of articles) {
      let hit = false;
      if (query) {
        for (const node of searchableTextNodes(article)) {
          const ranges = findMatches(node.nodeValue ?? '', query);
          if (ranges.length === 0) continue;
          hit = true;
          painter.add(node, ranges);
        }
      }
      const shown = !query || hit;
      article.hidden = !shown;
      if (query && hit) found += 1;
      const tocItem = document.querySelector(`[data-toc-section="${article.dataset['section']}"]`);
      tocItem?.classList.toggle('reading-toc-miss', !shown);
    }
    painter.show();
    for (const part of main.querySelectorAll<HTMLElement>('.reading-part')) {
      part.classList.toggle('reading-part--searching', Boolean(query));
      part.hidden = Boolean(query) && !part.querySelector('.reading-slide:not([hidden])');
    }
    status.textContent = !query
      ? ''
      : found === 0
        ? 'Ничего не найдено'
        : `Найдено слайдов: ${found}`;
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      run();
    } else if (event.key === 'Enter') {
      window.clearTimeout(timer);
      run();
    }
  });
  document.addEventListener('keydown', (event) => {
    const inField = (event.target as Element | null)?.closest('input, textarea, select');
    if (event.key === '/' && !inField) {
      event.preventDefault();
      input.focus();
    }
  });
  const element = h(
    'div',
    { class: 'reading-search', role: 'search' },
    h('label', { for: input.id }, 'Поиск по слайдам и тексту лекции'),
    input,
    error,
    status,
  );
  return { element };
}
