/**
 * The lab: an order's text, the producer's acks (0, 1, all) and «Отправить»; «Followers копируют»
 * (a replica fetch); each broker's «Остановить» / «Запустить» in its card. The field checks its
 * text; the kit refuses what does not fit (starting a running broker, a 41st record).
 */
import type { Acks } from '../../broker/kafka/index.ts';
import { actionButton, h } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { inputRows, labelled, onButton, submitOnEnter } from '../runtime/parts.ts';
import { KR_CLASS } from './classes.ts';
import { validateValue, type ReplicationAction, type ReplicationView } from './logic.ts';

const ACKS: readonly { readonly value: string; readonly acks: Acks; readonly label: string }[] = [
  { value: 'all', acks: 'all', label: 'acks=all — ждать все ISR' },
  { value: '1', acks: 1, label: 'acks=1 — только лидер' },
  { value: '0', acks: 0, label: 'acks=0 — не ждать' },
];

/** Builds the lab into the kit's element. */
export function replicationLab(
  host: KitHost<ReplicationView, ReplicationAction>,
): LabPanel<ReplicationView> {
  const { disposer } = host;
  const value = createField({ name: 'value', label: 'Сообщение', value: 'заказ 5', size: 12 });
  const acks = h('select', { name: 'acks', id: host.id('w-kr-acks') });
  for (const option of ACKS) acks.append(h('option', { value: option.value }, option.label));
  const sendButton = actionButton('send', 'Отправить');
  const replicate = actionButton('replicate', 'Followers копируют');
  const onSend = (): void => {
    const text = value.read(validateValue);
    if (text === undefined) return;
    const chosen = ACKS.find((a) => a.value === acks.value)?.acks ?? 'all';
    value.setError(host.act({ type: 'send', value: text, acks: chosen }));
  };
  submitOnEnter(disposer, [value], onSend, sendButton);
  disposer.listen(replicate, 'click', () => host.notify(host.act({ type: 'replicate' })));
  // The brokers' buttons live in their cards (the picture, lab face only).
  onButton(disposer, host.root, (button) => {
    const broker = Number(button.dataset['broker']);
    if (!Number.isInteger(broker)) return;
    if (button.name === 'stop-broker') host.notify(host.act({ type: 'stop', broker }));
    if (button.name === 'start-broker') host.notify(host.act({ type: 'start', broker }));
  });
  host.element.append(
    inputRows(KR_CLASS.panel, [value.element, labelled('Producer', acks), sendButton], [replicate]),
  );
  return {
    reset() {
      value.setError(undefined);
    },
  };
}
