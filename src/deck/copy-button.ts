/**
 * The «Копировать» button on every code block: copies the snippet exactly as shown (the line
 * numbers are CSS, not text), says «Скопировано» for two seconds, and works from the keyboard.
 */

const COPIED_LABEL = 'Скопировано';
const FAILED_LABEL = 'Не удалось';
const RESET_AFTER_MS = 2000;

/** The text a code block's copy button puts on the clipboard. */
export function codeText(block: Element): string {
  return block.querySelector('pre code')?.textContent ?? '';
}

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // file:// pages have no async clipboard: fall back to a selected, off-screen textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy command refused');
}

/** Handles clicks on `.code-copy` inside `root`; returns a function that removes the handler. */
export function bindCopyButtons(root: HTMLElement): () => void {
  const timers = new Map<HTMLButtonElement, number>();
  const onClick = (event: MouseEvent): void => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('.code-copy');
    const block = button?.closest('.code-block');
    if (!button || !block) return;
    event.preventDefault();
    const label = button.dataset['label'] ?? button.textContent ?? '';
    button.dataset['label'] = label;
    const show = (text: string): void => {
      button.textContent = text;
      window.clearTimeout(timers.get(button));
      timers.set(
        button,
        window.setTimeout(() => {
          button.textContent = label;
        }, RESET_AFTER_MS),
      );
    };
    writeClipboard(codeText(block)).then(
      () => show(COPIED_LABEL),
      () => show(FAILED_LABEL),
    );
  };
  root.addEventListener('click', onClick);
  return () => {
    root.removeEventListener('click', onClick);
    for (const timer of timers.values()) window.clearTimeout(timer);
  };
}
