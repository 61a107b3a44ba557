/**
 * A deck overlay opened by a key (`?` shortcuts, `Q` QR code): a modal `<dialog>` outside
 * `.reveal`, with a title, its content and one «Закрыть (Esc)» button. The key opens it (before
 * reveal.js sees the key), Esc or the key again closes it, and focus returns to where it was.
 * While it is open no key reaches reveal.js or a widget behind it, and Tab stays on its button.
 */
import './key-dialog.css';

/** What an overlay is. */
export interface KeyDialog {
  /** Its class; its parts are `${className}__body` and `${className}__close`. */
  readonly className: string;
  readonly title: string;
  /** Whether `event` is the overlay's key (modifiers Ctrl, Meta and Alt are never it). */
  readonly isKey: (event: KeyboardEvent) => boolean;
  /** Builds the content between the title and the button, once. */
  readonly content: (doc: Document) => HTMLElement;
  /** Called with the content each time the overlay opens, before it is shown. */
  readonly onOpen?: (content: HTMLElement) => void;
}

function inField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))
  );
}

function pressed(spec: KeyDialog, event: KeyboardEvent): boolean {
  return spec.isKey(event) && !event.ctrlKey && !event.metaKey && !event.altKey;
}

function buildDialog(spec: KeyDialog, doc: Document): HTMLDialogElement {
  const dialog = doc.createElement('dialog');
  dialog.className = `key-dialog ${spec.className}`;
  dialog.setAttribute('aria-labelledby', `${spec.className}-title`);
  const title = doc.createElement('h2');
  title.id = `${spec.className}-title`;
  title.textContent = spec.title;
  const content = spec.content(doc);
  content.classList.add(`${spec.className}__body`);
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = `key-dialog__close ${spec.className}__close`;
  close.textContent = 'Закрыть (Esc)';
  close.addEventListener('click', () => dialog.close());
  dialog.append(title, content, close);
  return dialog;
}

/** Binds the overlay's key on the page; returns a function that removes the overlay and the key. */
export function bindKeyDialog(spec: KeyDialog, doc: Document = document): () => void {
  let dialog: HTMLDialogElement | null = null;
  let returnTo: HTMLElement | null = null;
  const closeButton = (): HTMLButtonElement | null | undefined =>
    dialog?.querySelector<HTMLButtonElement>(`.${spec.className}__close`);

  const open = (): void => {
    if (!dialog) {
      const made = buildDialog(spec, doc);
      // Keys pressed in the overlay stay in it: reveal.js and the widgets listen on the document.
      made.addEventListener('keydown', (event) => {
        event.stopPropagation();
        if (event.key === 'Tab') {
          event.preventDefault();
          closeButton()?.focus();
        } else if (pressed(spec, event)) {
          event.preventDefault();
          made.close();
        }
      });
      made.addEventListener('close', () => {
        returnTo?.focus({ preventScroll: true });
        returnTo = null;
      });
      doc.body.append(made);
      dialog = made;
    }
    if (dialog.open) return;
    const active = doc.activeElement;
    returnTo = active instanceof HTMLElement ? active : null;
    const content = dialog.querySelector<HTMLElement>(`.${spec.className}__body`);
    if (content) spec.onOpen?.(content);
    dialog.showModal();
    closeButton()?.focus();
  };

  const onKey = (event: KeyboardEvent): void => {
    if (!pressed(spec, event) || inField(event.target)) return;
    // Another overlay (or this one) is open: its own keys handle it.
    if (dialog?.open || doc.querySelector('dialog[open]')) return;
    event.preventDefault();
    // Before reveal.js (which would toggle its own help or pause on Shift+/).
    event.stopImmediatePropagation();
    open();
  };
  doc.addEventListener('keydown', onKey, { capture: true });
  return () => {
    doc.removeEventListener('keydown', onKey, { capture: true });
    dialog?.remove();
  };
}
