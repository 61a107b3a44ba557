/**
 * The copy buttons of every code block: «Копировать» copies the snippet exactly as shown (the
 * line numbers are CSS, not text); «Весь файл» (`name="copy-file"`) copies the complete example
 * file the block was taken from (its `data-file`; the text ships with the build, see
 * src/page/example-files.ts). Either says «Скопировано» for two seconds, announced in a live
 * region, works from the keyboard and without the Clipboard API (file:// pages).
 */
import { writeClipboard } from './clipboard.ts';
import { exampleFile, loadedExampleFile, loadExampleFiles } from './example-files.ts';

const COPIED_LABEL = 'Скопировано';
const FAILED_LABEL = 'Не удалось';
const RESET_AFTER_MS = 2000;
/** The buttons' shared class, the whole-file button's name and the live region's class. */
const BUTTON_SELECTOR = '.code-copy';
const FILE_BUTTON_NAME = 'copy-file';
const STATUS_CLASS = 'code-copy-status';

/** The text a code block's copy button puts on the clipboard. */
export function codeText(block: Element): string {
  return block.querySelector('pre code')?.textContent ?? '';
}

/** What `button` copies and how the live region names it. */
function copyRequest(
  button: HTMLButtonElement,
  block: HTMLElement,
): { text: string | Promise<string>; what: string } {
  if (button.name !== FILE_BUTTON_NAME) return { text: codeText(block), what: 'код со слайда' };
  const path = block.dataset['file'];
  if (path === undefined)
    return { text: Promise.reject(new Error('code block names no file')), what: 'файл' };
  // Loaded already: copy at once, inside the click (some browsers allow a copy only then).
  return { text: loadedExampleFile(path) ?? exampleFile(path), what: `весь файл ${path}` };
}

/**
 * Handles clicks on the copy buttons inside `root` and adds the live region that announces the
 * result; returns a function that removes both.
 */
export function bindCopyButtons(root: HTMLElement): () => void {
  const timers = new Map<HTMLButtonElement, number>();
  const status = document.createElement('span');
  status.className = STATUS_CLASS;
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  root.append(status);
  let announceTimer = 0;
  const announce = (message: string): void => {
    // Emptied first, so that the same message twice in a row is read twice.
    status.textContent = '';
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => {
      status.textContent = message;
    }, 100);
  };

  const onClick = (event: MouseEvent): void => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>(BUTTON_SELECTOR);
    const block = button?.closest<HTMLElement>('.code-block');
    if (!button || !block) return;
    event.preventDefault();
    const label = button.dataset['label'] ?? button.textContent ?? '';
    button.dataset['label'] = label;
    const show = (text: string, message: string): void => {
      button.textContent = text;
      announce(message);
      window.clearTimeout(timers.get(button));
      timers.set(
        button,
        window.setTimeout(() => {
          button.textContent = label;
        }, RESET_AFTER_MS),
      );
    };
    const { text, what } = copyRequest(button, block);
    const copied = typeof text === 'string' ? writeClipboard(text) : text.then(writeClipboard);
    copied.then(
      () => show(COPIED_LABEL, `${COPIED_LABEL}: ${what}`),
      () => show(FAILED_LABEL, `${FAILED_LABEL} скопировать ${what}`),
    );
  };
  // Pointing at or tabbing to «Весь файл» starts loading the files, so the click copies at once.
  const warm = (event: Event): void => {
    const target = event.target as Element | null;
    if (target?.closest?.(`button[name="${FILE_BUTTON_NAME}"]`))
      loadExampleFiles().catch(() => undefined);
  };
  // Space and Enter press a focused copy button; reveal.js (listening on the document) must not
  // also take them as «next slide».
  const keepKeys = (event: KeyboardEvent): void => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    if ((event.target as Element | null)?.closest?.(BUTTON_SELECTOR)) event.stopPropagation();
  };
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', keepKeys);
  root.addEventListener('pointerover', warm);
  root.addEventListener('focusin', warm);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', keepKeys);
    root.removeEventListener('pointerover', warm);
    root.removeEventListener('focusin', warm);
    for (const timer of timers.values()) window.clearTimeout(timer);
    window.clearTimeout(announceTimer);
    status.remove();
  };
}
