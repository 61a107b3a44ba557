/**
 * A slide preview in the speaker window: a copy of a deck section scaled so the whole 1280×720
 * slide fits the box. The current slide is a static copy (fragments, code steps and a widget's
 * DOM as they are, canvases copied pixel for pixel, scrolled code kept where it is): it runs
 * nothing, so a widget on screen is never run a second time for it. The next step's copy is put in
 * the state → gives it (fragments, code lines) and gets widgets of its own at that step, with the
 * lecturer's lab actions of the deck's widgets (preview-widgets.ts), since the deck has not drawn
 * that step yet.
 */
import { showStepIn } from './next-step.ts';
import { PreviewWidgets } from './preview-widgets.ts';
import { syncStyles } from './speaker-window.ts';
import { SPEAKER_CLASS as C } from './speaker-classes.ts';

/** The performance measure each preview copy records. */
export const PREVIEW_MEASURE = 'speaker-preview';

/** The deck's design size (reveal config width × height). */
export interface DeckSize {
  readonly width: number;
  readonly height: number;
}

/** How to show a section: as it is, or as a step of it not shown yet. */
export interface PreviewState {
  /** Shows the section at this fragment index (the next step) instead of as it is. */
  readonly fragmentIndex?: number;
  /** Draws the widgets afresh at the copy's step on their stage face (the next step or slide). */
  readonly freshWidgets?: boolean;
}

/** One preview box. */
export class SlidePreview {
  /** The box to place in the layout. */
  readonly element: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly slides: HTMLElement;
  private readonly emptyText: HTMLElement;
  private readonly widgets = new PreviewWidgets();

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
  show(section: HTMLElement | null, state: PreviewState = {}): void {
    this.emptyText.hidden = section !== null;
    this.stage.hidden = section === null;
    this.widgets.destroy();
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
    if (state.fragmentIndex !== undefined) showStepIn(copy, state.fragmentIndex);
    else copyScroll(section, copy);
    if (state.freshWidgets) void this.widgets.mountIn(copy, section);
    this.fit();
    // Named so tests and the profiler see what a preview costs the deck's main thread.
    performance.measure(PREVIEW_MEASURE, { start: started, end: performance.now() });
  }

  /** Scales the copy so the whole slide fits the box (its width and its height). */
  fit(): void {
    const width = this.element.clientWidth;
    const height = this.element.clientHeight;
    if (width === 0 || height === 0) return;
    const scale = Math.min(width / this.size.width, height / this.size.height);
    this.stage.style.transform = `scale(${scale})`;
  }

  /** Removes the preview's own widgets. */
  destroy(): void {
    this.widgets.destroy();
  }
}

/** Long code blocks scroll inside the slide: the copy shows the lines the hall sees. */
function copyScroll(from: HTMLElement, to: HTMLElement): void {
  const sources = from.querySelectorAll('pre');
  const targets = to.querySelectorAll('pre');
  sources.forEach((source, i) => {
    const target = targets[i];
    if (target && source.scrollTop > 0) target.scrollTop = source.scrollTop;
  });
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
