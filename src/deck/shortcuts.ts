/**
 * The `?` overlay: the deck's keys in Russian, in a modal `<dialog>` outside `.reveal` (so the
 * theme's table striping never reaches it). `?` opens it (reveal.js's own English help is off:
 * `help: false`); Esc or `?` closes it and focus returns to where it was. While it is open, no
 * key reaches reveal.js or a widget behind it.
 */
import './shortcuts.css';

/** The overlay's class; tests find it by this name. */
export const SHORTCUTS_CLASS = 'shortcuts';

/** One row: the keys (each in its own <kbd>) and what they do. */
export const SHORTCUTS: readonly { readonly keys: readonly string[]; readonly action: string }[] = [
  {
    keys: ['→', 'Пробел', 'PageDown'],
    action: 'следующий шаг, после последнего — следующий слайд',
  },
  { keys: ['←', 'PageUp'], action: 'предыдущий шаг или слайд' },
  { keys: ['Home', 'End'], action: 'первый и последний слайд' },
  { keys: ['S'], action: 'режим докладчика: заметки, таймер, что дальше' },
  { keys: ['F'], action: 'во весь экран (выход — Esc)' },
  { keys: ['O'], action: 'обзор всех слайдов' },
  { keys: ['B', '.'], action: 'затемнить экран — пауза; снова B — продолжить' },
  { keys: ['L'], action: 'на слайде с виджетом: открыть и закрыть его лабораторию' },
  {
    keys: ['Q'],
    action: 'показать залу QR-код состояния виджета (откроется на телефоне); закрыть — Esc или Q',
  },
  { keys: ['?'], action: 'эта справка; закрыть — Esc или ?' },
  { keys: ['/'], action: 'в режиме чтения (?view=read): поиск по лекции' },
];

const isQuestionMark = (event: KeyboardEvent): boolean =>
  event.key === '?' || (event.keyCode === 191 && event.shiftKey);

function inField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))
  );
}

function buildDialog(doc: Document): HTMLDialogElement {
  const dialog = doc.createElement('dialog');
  dialog.className = SHORTCUTS_CLASS;
  dialog.setAttribute('aria-labelledby', 'shortcuts-title');
  const title = doc.createElement('h2');
  title.id = 'shortcuts-title';
  title.textContent = 'Клавиши презентации';
  const list = doc.createElement('dl');
  for (const row of SHORTCUTS) {
    const line = doc.createElement('div');
    line.className = `${SHORTCUTS_CLASS}__row`;
    const keys = doc.createElement('dt');
    row.keys.forEach((key, i) => {
      if (i > 0) keys.append(' ');
      const kbd = doc.createElement('kbd');
      kbd.textContent = key;
      keys.append(kbd);
    });
    const action = doc.createElement('dd');
    action.textContent = row.action;
    line.append(keys, action);
    list.append(line);
  }
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = `${SHORTCUTS_CLASS}__close`;
  close.textContent = 'Закрыть (Esc)';
  close.addEventListener('click', () => dialog.close());
  dialog.append(title, list, close);
  return dialog;
}

/** Binds `?` on the deck page; returns a function that removes the overlay and the key. */
export function bindShortcuts(doc: Document = document): () => void {
  let dialog: HTMLDialogElement | null = null;
  let returnTo: HTMLElement | null = null;

  const open = (): void => {
    if (!dialog) {
      dialog = buildDialog(doc);
      // Keys pressed in the overlay stay in it: reveal.js and the widgets listen on the document.
      dialog.addEventListener('keydown', (event) => {
        event.stopPropagation();
        // The close button is the one control: Tab keeps focus on it instead of leaving the page.
        if (event.key === 'Tab') {
          event.preventDefault();
          dialog?.querySelector<HTMLButtonElement>(`.${SHORTCUTS_CLASS}__close`)?.focus();
        } else if (isQuestionMark(event)) {
          event.preventDefault();
          dialog?.close();
        }
      });
      dialog.addEventListener('close', () => {
        returnTo?.focus({ preventScroll: true });
        returnTo = null;
      });
      doc.body.append(dialog);
    }
    if (dialog.open) return;
    const active = doc.activeElement;
    returnTo = active instanceof HTMLElement ? active : null;
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>(`.${SHORTCUTS_CLASS}__close`)?.focus();
  };

  const onKey = (event: KeyboardEvent): void => {
    if (!isQuestionMark(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (inField(event.target) || dialog?.open) return;
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
