/**
 * A slide preview in the speaker window: a static copy of a deck section (fragments, code steps
 * and a widget's current DOM as they are, canvases copied pixel for pixel), scaled to the box.
 * The copy runs nothing, so a widget on screen is never run a second time for the preview.
 */
import { syncStyles } from './speaker-window.ts';
import { SPEAKER_CLASS as C } from './speaker-classes.ts';

/** The performance measure each preview copy records. */
export const PREVIEW_MEASURE = 'speaker-preview';

/** The deck's design size (reveal config width × height). */
export interface DeckSize {
  readonly width: number;
  readonly height: number;
}

/** One preview box. */
export class SlidePreview {
  /** The box to place in the layout. */
  readonly element: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly slides: HTMLElement;
  private readonly emptyText: HTMLElement;

  constructor(
    private readonly doc: Document,
    private readonly size: DeckSize,
    emptyLabel: string,
  ) {
    this.element = doc.createElement('div');
    this.element.className = C.preview;
    this.element.setAttribute('aria-hidden', 'true');
    this.element.inert = true;
    this.stage = doc.createElement('div');
    this.stage.className = `reveal ${C.previewDeck}`;
    this.stage.style.width = `${size.width}px`;
    this.stage.style.height = `${size.height}px`;
    this.slides = doc.createElement('div');
    this.slides.className = 'slides';
    this.stage.append(this.slides);
    this.emptyText = doc.createElement('p');
    this.emptyText.className = C.previewEmpty;
    this.emptyText.textContent = emptyLabel;
    this.element.append(this.stage, this.emptyText);
  }

  /** Shows a copy of `section` as it is now; null shows the empty label. */
  show(section: HTMLElement | null): void {
    this.emptyText.hidden = section !== null;
    this.stage.hidden = section === null;
    if (!section) {
      this.slides.replaceChildren();
      return;
    }
    const started = performance.now();
    syncStyles(this.doc, section.ownerDocument);
    const copy = this.doc.importNode(section, true);
    for (const notes of copy.querySelectorAll('aside.notes')) notes.remove();
    for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id');
    copy.classList.remove('past', 'future');
    copy.classList.add('present');
    copy.removeAttribute('hidden');
    copy.style.display = 'block';
    copyCanvases(section, copy);
    this.slides.replaceChildren(copy);
    this.fit();
    // Named so tests and the profiler see what a preview costs the deck's main thread.
    performance.measure(PREVIEW_MEASURE, { start: started, end: performance.now() });
  }

  /** Scales the copy to the box's current width. */
  fit(): void {
    const width = this.element.clientWidth;
    if (width === 0) return;
    const scale = width / this.size.width;
    this.stage.style.transform = `scale(${scale})`;
  }
}

/** Canvases (charts) are copied as pixels: a cloned canvas is blank. */
function copyCanvases(from: HTMLElement, to: HTMLElement): void {
  const sources = from.querySelectorAll('canvas');
  const targets = to.querySelectorAll('canvas');
  sources.forEach((source, i) => {
    const target = targets[i];
    const context = target?.getContext('2d');
    if (!target || !context || source.width === 0 || source.height === 0) return;
    target.width = source.width;
    target.height = source.height;
    context.drawImage(source, 0, 0);
  });
}
