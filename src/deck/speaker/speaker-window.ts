/**
 * The speaker window: an about:blank popup of the deck's own origin that the deck page fills and
 * drives itself. Nothing is fetched and no second copy of the deck runs, so it works the same from
 * the one-file build opened from disk. The deck's stylesheets are copied in for the previews.
 */

/** The popup's window name: `S` pressed again finds and focuses the same window. */
export const SPEAKER_WINDOW_NAME = 'brokers-lecture-speaker';

/** Opens (or finds) the popup; null when the browser blocked it. */
export function openSpeakerWindow(opener: Window = window): Window | null {
  return opener.open('', SPEAKER_WINDOW_NAME, 'popup,width=1280,height=800');
}

/** Clears whatever an earlier page left in the popup and sets up an empty Russian document. */
export function resetSpeakerDocument(win: Window, ownCss: string): Document {
  const doc = win.document;
  doc.documentElement.lang = 'ru';
  doc.head.replaceChildren();
  doc.body.replaceChildren();
  doc.body.className = 'speaker';
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  doc.head.append(charset);
  doc.title = 'Режим докладчика — Брокеры сообщений';
  syncStyles(doc);
  const own = doc.createElement('style');
  own.dataset['speaker'] = 'own';
  own.textContent = ownCss;
  doc.head.append(own);
  return doc;
}

const copied = new WeakMap<Document, WeakSet<Node>>();

/**
 * Copies the deck page's `<style>` and stylesheet `<link>` elements that the popup does not have
 * yet (widget chunks add theirs later), before the speaker view's own styles so those win.
 */
export function syncStyles(doc: Document, source: Document = document): void {
  const seen = copied.get(doc) ?? new WeakSet<Node>();
  copied.set(doc, seen);
  const anchor = doc.head.querySelector('style[data-speaker="own"]');
  for (const node of source.querySelectorAll<HTMLElement>('style, link[rel="stylesheet"]')) {
    if (seen.has(node)) continue;
    seen.add(node);
    let copy: HTMLElement;
    if (node instanceof HTMLLinkElement) {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      // Absolute, so the about:blank document resolves it against the deck, not itself.
      link.href = node.href;
      copy = link;
    } else {
      copy = doc.createElement('style');
      copy.textContent = node.textContent;
    }
    doc.head.insertBefore(copy, anchor);
  }
}
