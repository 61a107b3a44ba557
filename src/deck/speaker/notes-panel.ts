/**
 * The notes column: the current slide's notes (plan line, lecturer's text, fact-checks) copied
 * from the deck, in a large font the lecturer sets with A−/A+; the size is remembered.
 */
import type { ElementFactory } from './dom.ts';
import { SPEAKER_CLASS as C } from './speaker-classes.ts';

/** Font sizes the notes may take (CSS px) and the default. */
export const NOTES_FONT = { min: 16, max: 56, step: 4, initial: 28 } as const;
const STORAGE_KEY = 'brokers-lecture:speaker-notes-font';

/** A font size within the limits, on the step grid; anything unreadable gives the default. */
export function clampNotesFont(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return NOTES_FONT.initial;
  const stepped = Math.round(n / NOTES_FONT.step) * NOTES_FONT.step;
  return Math.min(NOTES_FONT.max, Math.max(NOTES_FONT.min, stepped));
}

/** The notes panel. */
export class NotesPanel {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly sizeLabel: HTMLElement;
  private readonly smaller: HTMLButtonElement;
  private readonly larger: HTMLButtonElement;
  private size: number;

  constructor(
    el: ElementFactory,
    private readonly storage: Storage | null,
  ) {
    this.size = clampNotesFont(safeGet(storage, STORAGE_KEY));
    this.smaller = el(
      'button',
      { type: 'button', class: C.button, 'aria-label': 'A− — уменьшить шрифт заметок' },
      'A−',
    );
    this.larger = el(
      'button',
      { type: 'button', class: C.button, 'aria-label': 'A+ — увеличить шрифт заметок' },
      'A+',
    );
    this.sizeLabel = el('output', { 'aria-live': 'polite' });
    this.smaller.addEventListener('click', () => this.setSize(this.size - NOTES_FONT.step));
    this.larger.addEventListener('click', () => this.setSize(this.size + NOTES_FONT.step));
    this.text = el('div', { class: C.notesText, tabindex: 0, 'aria-label': 'Заметки к слайду' });
    this.element = el(
      'section',
      { class: C.notes, 'aria-labelledby': 'speaker-notes-heading' },
      el(
        'div',
        { class: C.notesBar },
        el('h2', { class: C.heading, id: 'speaker-notes-heading' }, 'Заметки'),
        this.smaller,
        this.sizeLabel,
        this.larger,
      ),
      this.text,
    );
    this.setSize(this.size);
  }

  /** The font size in px. */
  get fontSize(): number {
    return this.size;
  }

  /** Sets the font size (clamped) and remembers it. */
  setSize(size: number): void {
    this.size = clampNotesFont(size);
    this.text.style.fontSize = `${this.size}px`;
    this.sizeLabel.textContent = `${this.size} px`;
    this.smaller.disabled = this.size <= NOTES_FONT.min;
    this.larger.disabled = this.size >= NOTES_FONT.max;
    try {
      this.storage?.setItem(STORAGE_KEY, String(this.size));
    } catch {
      // Storage full or forbidden: the size still applies for this session.
    }
  }

  /** Shows a copy of the slide's notes (our own build output, copied as nodes). */
  show(notes: Element | null): void {
    const doc = this.text.ownerDocument;
    if (!notes) {
      const empty = doc.createElement('p');
      empty.textContent = 'У этого слайда нет заметок.';
      this.text.replaceChildren(empty);
    } else {
      this.text.replaceChildren(...[...notes.childNodes].map((n) => doc.importNode(n, true)));
    }
    this.text.scrollTop = 0;
  }
}

function safeGet(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
