/**
 * «Сбросить таймер» that one stray click cannot trigger: the first click only asks, and the
 * question withdraws itself after a few seconds; only «Да, сбросить» resets.
 */
import type { ElementFactory } from './dom.ts';
import { SPEAKER_CLASS as C } from './speaker-classes.ts';

/** How long the question stays before it withdraws (ms). */
export const RESET_CONFIRM_MS = 6000;

/** The reset button with its confirmation. */
export class ResetControl {
  readonly element: HTMLElement;
  private readonly ask: HTMLButtonElement;
  private readonly confirm: HTMLElement;
  private readonly yes: HTMLButtonElement;
  private timer: number | undefined;

  constructor(
    el: ElementFactory,
    private readonly onReset: () => void,
  ) {
    this.ask = el('button', { type: 'button', class: C.button }, 'Сбросить таймер…');
    this.yes = el(
      'button',
      { type: 'button', class: `${C.button} ${C.buttonPrimary}` },
      'Да, сбросить',
    );
    const no = el('button', { type: 'button', class: C.button }, 'Отмена');
    this.confirm = el(
      'span',
      { class: C.confirm, role: 'group', 'aria-label': 'Подтверждение сброса' },
      el('span', {}, 'Сбросить весь хронометраж?'),
      this.yes,
      no,
    );
    this.confirm.hidden = true;
    this.element = el('span', {}, this.ask, this.confirm);
    this.ask.addEventListener('click', () => this.open());
    no.addEventListener('click', () => this.close(true));
    this.yes.addEventListener('click', () => {
      this.close(true);
      this.onReset();
    });
  }

  /** Asks for confirmation. */
  open(): void {
    this.ask.hidden = true;
    this.confirm.hidden = false;
    // Focus lands on «Отмена»: a second Enter or Space right after the first does not reset.
    this.confirm.querySelector<HTMLButtonElement>('button:last-child')?.focus();
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.close(false), RESET_CONFIRM_MS);
  }

  /** Withdraws the question. */
  close(refocus: boolean): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.confirm.hidden = true;
    this.ask.hidden = false;
    if (refocus) this.ask.focus();
  }

  /** Clears the pending timeout. */
  destroy(): void {
    window.clearTimeout(this.timer);
  }
}
