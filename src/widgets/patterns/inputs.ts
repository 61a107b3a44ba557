/**
 * The student's controls of each pattern (only the shown pattern's are visible). Every field is a
 * runtime `Field`: a message next to it, aria-invalid, and Enter acts like its button.
 */
import type { Disposer } from '../runtime/disposer.ts';
import { h, actionButton } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { PT_CLASS } from './classes.ts';
import { DEFAULT_RECEIVERS } from './fanout.ts';
import type { PatternId } from './steps.ts';

export interface InputHandlers {
  onReceivers(): void;
  onPublish(): void;
  onAppend(): void;
  onReplay(): void;
  onRequest(): void;
}

export interface Inputs {
  readonly element: HTMLElement;
  readonly receivers: Field;
  readonly message: Field;
  readonly amount: Field;
  readonly n: Field;
  /** Shows the replay button's own error (e.g. «too many readers») beside it, or clears it. */
  setReplayError(message: string | undefined): void;
  /** Shows only `pattern`'s controls. */
  show(pattern: PatternId): void;
}

/** Builds the controls; listeners go through the disposer. */
export function createInputs(disposer: Disposer, on: InputHandlers): Inputs {
  const receivers = createField({
    name: 'receivers',
    label: 'Подписчиков и воркеров (1–6)',
    value: String(DEFAULT_RECEIVERS),
    inputMode: 'numeric',
    size: 3,
  });
  const message = createField({ name: 'message', label: 'Сообщение', value: 'заказ #5', size: 16 });
  const amount = createField({
    name: 'amount',
    label: 'Сумма: +пополнение / −списание',
    value: '+40',
    size: 9,
  });
  const n = createField({
    name: 'n',
    label: 'n для fib(n), 0–40',
    value: '10',
    inputMode: 'numeric',
    size: 4,
  });
  const replayError = h('span', { class: WIDGET_CLASS.fieldError, role: 'alert', hidden: true });

  const publish = actionButton('publish', 'Отправить');
  const append = actionButton('append', 'Записать событие');
  const replay = actionButton('replay', 'Новый читатель с offset 0');
  const request = actionButton('request', 'Отправить запрос');
  const groups: Record<PatternId, HTMLElement> = {
    fanout: h(
      'div',
      { class: `${WIDGET_CLASS.inputs} ${PT_CLASS.inputs}` },
      receivers.element,
      message.element,
      publish,
    ),
    sourcing: h(
      'div',
      { class: `${WIDGET_CLASS.inputs} ${PT_CLASS.inputs}` },
      amount.element,
      append,
      replay,
      replayError,
    ),
    rpc: h('div', { class: `${WIDGET_CLASS.inputs} ${PT_CLASS.inputs}` }, n.element, request),
  };
  disposer.listen(receivers.input, 'change', () => on.onReceivers());
  disposer.listen(publish, 'click', () => on.onPublish());
  disposer.listen(append, 'click', () => on.onAppend());
  disposer.listen(replay, 'click', () => on.onReplay());
  disposer.listen(request, 'click', () => on.onRequest());
  const enter = (field: Field, act: () => void): void =>
    disposer.listen(field.input, 'keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      act();
    });
  enter(receivers, () => on.onReceivers());
  enter(message, () => on.onPublish());
  enter(amount, () => on.onAppend());
  enter(n, () => on.onRequest());

  return {
    element: h('div', {}, groups.fanout, groups.sourcing, groups.rpc),
    receivers,
    message,
    amount,
    n,
    setReplayError(text) {
      replayError.textContent = text ?? '';
      replayError.hidden = text === undefined;
    },
    show(pattern) {
      for (const [id, group] of Object.entries(groups)) group.hidden = id !== pattern;
    },
  };
}
