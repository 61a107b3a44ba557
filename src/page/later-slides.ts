/**
 * Puts the later slides' body and notes (kept as deflated inert text by the build,
 * src/lecture/later-slides.ts) into their sections: at once for the reading and print views and
 * for a deck whose address names a later slide; otherwise the deck does it after its first frame.
 * Inflating is asynchronous (the browser's DecompressionStream), so filling is too.
 */
import {
  LATER_SLIDE_ATTRIBUTE,
  LATER_SLIDES_ID,
  LATER_SLIDES_SECTIONS,
} from '../lecture/later-slides.ts';

/** The element of `slides` (`.reveal > .slides`) that holds the later content, if still there. */
function holderOf(slides: HTMLElement): HTMLElement | null {
  return slides.querySelector<HTMLElement>(`:scope > #${LATER_SLIDES_ID}`);
}

/** The bytes of base64 text. */
function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The held HTML: the holder's text, base64 of raw deflate, inflated. */
function heldHtml(holder: HTMLElement): Promise<string> {
  const bytes = new Response(decode(holder.textContent.trim())).body;
  if (!bytes) return Promise.reject(new Error('later slides: no bytes to inflate'));
  return new Response(bytes.pipeThrough(new DecompressionStream('deflate-raw'))).text();
}

/** Whether `section` (of `slides`) still waits for its body and notes. */
export function waitsForContent(slides: HTMLElement, section: HTMLElement): boolean {
  const held = holderOf(slides)?.getAttribute(LATER_SLIDES_SECTIONS) ?? '';
  return section.id !== '' && held.split(' ').includes(section.id);
}

/** The fill under way for a `.slides` element, so that a second call waits for the first. */
const filling = new WeakMap<HTMLElement, Promise<HTMLElement[]>>();

/**
 * Moves every held body and notes into its section and drops the holder; resolves to the
 * sections filled. A call while another is under way waits for it and gets none (the first
 * caller has them); so does a call when nothing is left to fill.
 */
export function fillLaterSlides(slides: HTMLElement): Promise<HTMLElement[]> {
  const running = filling.get(slides);
  if (running) return running.then(() => []);
  const holder = holderOf(slides);
  if (!holder) return Promise.resolve([]);
  const fill = heldHtml(holder)
    .then((html) => {
      holder.remove();
      const template = document.createElement('template');
      template.innerHTML = html;
      const filled: HTMLElement[] = [];
      for (const held of template.content.querySelectorAll<HTMLElement>(
        `[${LATER_SLIDE_ATTRIBUTE}]`,
      )) {
        const id = held.getAttribute(LATER_SLIDE_ATTRIBUTE) ?? '';
        const section = slides.querySelector<HTMLElement>(`:scope > section#${CSS.escape(id)}`);
        // reveal.js has taken hidden sections out of the page; the build keeps those whole anyway.
        if (!section) continue;
        section.append(...held.childNodes);
        filled.push(section);
      }
      return filled;
    })
    .finally(() => filling.delete(slides));
  filling.set(slides, fill);
  return fill;
}
