/**
 * The lab: a payment's id (any text, shown as text), its amount and whether the worker dies before
 * its ack, and «Отправить платёж». Invalid values get a Russian message next to the field and
 * change nothing; a refused payment (past the limit) says why next to the button.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { alertLine, inputRows, submitOnEnter } from '../runtime/parts.ts';
import { IC_CLASS } from './classes.ts';
import { validateAmount, validatePaymentId, type IdempotentView } from './logic.ts';
import type { Payment } from './run.ts';

/** Builds the form into the kit's element. */
export function idempotentLab(host: KitHost<IdempotentView, Payment>): LabPanel<IdempotentView> {
  const id = createField({ name: 'payment-id', label: 'id платежа', value: 'pay-1', size: 10 });
  const amount = createField({
    name: 'amount',
    label: 'Сумма, ₽',
    value: '100',
    inputMode: 'numeric',
    size: 7,
  });
  const crashId = host.id('w-ic-crash');
  const crash = h('input', { id: crashId, type: 'checkbox', name: 'crash' });
  const button = actionButton('send-payment', 'Отправить платёж');
  const limit = alertLine({ 'data-error': 'limit' });
  const setLimitError = limit.show;
  const submit = (): void => {
    const pid = id.read(validatePaymentId);
    const sum = amount.read(validateAmount);
    if (pid === undefined || sum === undefined) return;
    setLimitError(host.act({ id: pid, amount: sum, crash: crash.checked }));
  };
  submitOnEnter(host.disposer, [id, amount], submit, button);
  host.element.append(
    inputRows(
      IC_CLASS.inputs,
      id.element,
      amount.element,
      h(
        'div',
        { class: IC_CLASS.flag },
        crash,
        h('label', { for: crashId }, 'воркер упадёт до ack'),
      ),
      h('div', { class: IC_CLASS.send }, button, limit.element),
    ),
  );
  return {
    update() {
      setLimitError(undefined);
    },
    reset() {
      setLimitError(undefined);
      id.setError(undefined);
      amount.setError(undefined);
    },
  };
}
