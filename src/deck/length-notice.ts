/**
 * A small notice on the deck that `?minutes=` was not accepted: in the bottom-left corner, below
 * the slide's content, announced politely (role="status") and closed with its own button.
 */

/** The notice's class; tests and the speaker view's copy find it by this name. */
export const LENGTH_NOTICE_CLASS = 'length-notice';

/** Shows `problem` on the deck page; returns a function that removes the notice. */
export function showLengthNotice(problem: string, doc: Document = document): () => void {
  doc.querySelector(`.${LENGTH_NOTICE_CLASS}`)?.remove();
  const notice = doc.createElement('div');
  notice.className = LENGTH_NOTICE_CLASS;
  notice.setAttribute('role', 'status');
  const text = doc.createElement('span');
  text.textContent = problem;
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Закрыть уведомление о длине лекции');
  Object.assign(close.style, {
    marginLeft: '10px',
    padding: '0 6px',
    font: 'inherit',
    color: 'inherit',
    background: 'transparent',
    border: '1px solid currentColor',
    borderRadius: '4px',
    cursor: 'pointer',
  });
  // Inline styles, like the blocked-window notice: the deck's CSP allows CSSOM styles, and the
  // notice must look the same in every build without a stylesheet of its own.
  Object.assign(notice.style, {
    position: 'fixed',
    left: '8px',
    bottom: '8px',
    zIndex: '100',
    maxWidth: 'calc(100vw - 220px)',
    padding: '2px 8px',
    font: '600 13px/1.4 var(--font-text, sans-serif)',
    color: '#fff',
    background: '#8a1c17',
    borderRadius: '4px',
  });
  notice.append(text, close);
  const remove = (): void => notice.remove();
  close.addEventListener('click', remove);
  doc.body.append(notice);
  return remove;
}
