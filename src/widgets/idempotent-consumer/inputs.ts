/**
 * The student's payment form: an id (any text, shown as text), an amount and whether the worker
 * dies before its ack. Invalid values get a Russian message next to the field and change nothing.
 */
import { h, uniqueId, actionButton } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import type { Disposer } from '../runtime/disposer.ts';
import { createField } from '../runtime/field.ts';
import { validateIntInRange, validateShortText, type Validation } from '../runtime/validate.ts';
import type { Payment } from './run.ts';

/** At most this many payments on top of the story (keeps the lists legible). */
export const MAX_EXTRA = 6;
export const MAX_AMOUNT = 1_000_000;

/** A payment id: non-empty after trimming, at most 40 bytes. */
export function validatePaymentId(raw: string): Validation<string> {
  return validateShortText(raw.trim(), 'id платежа', 40);
}

/** An amount in whole roubles, 1…1 000 000. */
export function validateAmount(raw: string): Validation<number> {
  return validateIntInRange(raw, 1, MAX_AMOUNT, 'Сумма');
}

export interface PaymentInputs {
  readonly element: HTMLElement;
  /** Shows or clears the message next to the send button. */
  setLimitError(message: string | undefined): void;
}

/** Builds the form; `send` gets each valid payment and returns an error message or undefined. */
export function createPaymentInputs(
  disposer: Disposer,
  send: (p: Payment) => string | undefined,
): PaymentInputs {
  const id = createField({ name: 'payment-id', label: 'id платежа', value: 'pay-1', size: 10 });
  const amount = createField({
    name: 'amount',
    label: 'Сумма, ₽',
    value: '100',
    inputMode: 'numeric',
    size: 7,
  });
  const crashId = uniqueId('w-ic-crash');
  const crash = h('input', { id: crashId, type: 'checkbox', name: 'crash' });
  const button = actionButton('send-payment', 'Отправить платёж');
  const limit = h('span', {
    class: WIDGET_CLASS.fieldError,
    role: 'alert',
    hidden: true,
    'data-error': 'limit',
  });
  const setLimitError = (message: string | undefined): void => {
    limit.hidden = message === undefined;
    limit.textContent = message ?? '';
  };
  const submit = (): void => {
    const pid = id.read(validatePaymentId);
    const sum = amount.read(validateAmount);
    if (pid === undefined || sum === undefined) return;
    setLimitError(send({ id: pid, amount: sum, crash: crash.checked }));
  };
  disposer.listen(button, 'click', submit);
  for (const f of [id, amount]) {
    disposer.listen(f.input, 'keydown', (event) => {
      if (event.key === 'Enter') submit();
    });
  }
  const element = h(
    'div',
    { class: `${WIDGET_CLASS.inputs} w-ic-inputs` },
    id.element,
    amount.element,
    h('div', { class: 'w-ic-flag' }, crash, h('label', { for: crashId }, 'воркер упадёт до ack')),
    h('div', { class: 'w-ic-send' }, button, limit),
  );
  return { element, setLimitError };
}
