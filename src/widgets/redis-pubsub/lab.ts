/**
 * The lab: channel + message + «PUBLISH», and a channel or glob + «+ подписчик»; the subscriber
 * cards' «Отписать» / «Подписать» (in the picture, lab face only). Each field validates on use and
 * shows its message next to itself; Enter in a field acts like its button and never reaches
 * reveal.js as navigation. The kit refuses what does not fit (a fifth subscriber of one's own).
 */
import { actionButton } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { inputRows, onButton, submitOnEnter } from '../runtime/parts.ts';
import { PS_CLASS } from './classes.ts';
import {
  isStudentClient,
  studentSubscriber,
  validateChannel,
  validateMessage,
  validatePattern,
  type PubSubAction,
  type PubSubView,
} from './logic.ts';
import { CHANNEL } from './story.ts';

/** Builds the lab into the kit's element. */
export function pubsubLab(host: KitHost<PubSubView, PubSubAction>): LabPanel<PubSubView> {
  const { disposer } = host;
  const channel = createField({ name: 'channel', label: 'Канал', value: CHANNEL, size: 13 });
  const message = createField({
    name: 'message',
    label: 'Сообщение',
    value: 'Привет всем',
    size: 14,
  });
  const pattern = createField({
    name: 'pattern',
    label: 'Канал или шаблон (*, ?, [ab])',
    value: 'notif*',
    size: 13,
  });
  const publish = actionButton('publish', 'PUBLISH');
  const add = actionButton('add-subscriber', '+ подписчик');

  const onPublish = (): void => {
    const ch = channel.read(validateChannel);
    const text = message.read(validateMessage);
    if (ch === undefined || text === undefined) return;
    channel.setError(host.act({ type: 'publish', channel: ch, message: text }));
  };
  const onAdd = (): void => {
    const name = pattern.read(validatePattern);
    if (name === undefined) return;
    const own = host.view().subscribers.filter((s) => isStudentClient(s.client)).length;
    const { client } = studentSubscriber(own + 1);
    pattern.setError(host.act({ type: 'join', client, pattern: name }));
  };
  submitOnEnter(disposer, [channel, message], onPublish, publish);
  submitOnEnter(disposer, [pattern], onAdd, add);
  // The subscriber cards' buttons (in the picture, lab face only).
  onButton(disposer, host.root, (button) => {
    const sub = host.view().subscribers.find((s) => s.client === button.dataset['client']);
    if (!sub) return;
    const type = button.name === 'leave' ? 'leave' : 'join';
    host.notify(host.act({ type, client: sub.client, pattern: sub.pattern }));
  });
  host.element.append(
    inputRows(PS_CLASS.panel, [channel.element, message.element, publish], [pattern.element, add]),
  );
  return {
    reset() {
      for (const field of [channel, message, pattern]) field.setError(undefined);
    },
  };
}
