/**
 * The `?` overlay: the deck's keys in Russian, in a modal `<dialog>` outside `.reveal` (so the
 * theme's table striping never reaches it). `?` opens it (reveal.js's own English help is off:
 * `help: false`); Esc or `?` closes it and focus returns to where it was. While it is open, no
 * key reaches reveal.js or a widget behind it.
 */
import { bindKeyDialog } from './key-dialog.ts';
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
  {
    keys: ['V'],
    action:
      'в живом режиме (npm run live): показать залу голоса телефонов; без него — пауза, как B',
  },
  { keys: ['?'], action: 'эта справка; закрыть — Esc или ?' },
  { keys: ['/'], action: 'в режиме чтения (?view=read): поиск по лекции' },
];

const isQuestionMark = (event: KeyboardEvent): boolean =>
  event.key === '?' || (event.keyCode === 191 && event.shiftKey);

function keyList(doc: Document): HTMLElement {
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
  return list;
}

/** Binds `?` on the deck page; returns a function that removes the overlay and the key. */
export function bindShortcuts(doc: Document = document): () => void {
  return bindKeyDialog(
    {
      className: SHORTCUTS_CLASS,
      title: 'Клавиши презентации',
      isKey: isQuestionMark,
      content: keyList,
    },
    doc,
  );
}
