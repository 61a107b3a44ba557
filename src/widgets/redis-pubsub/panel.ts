/**
 * The student's inputs: channel + message + «PUBLISH», and a channel or glob + «+ подписчик». Each
 * field validates on use and shows its message next to itself; Enter in a field acts like its
 * button and never reaches reveal.js as navigation.
 */
import type { Disposer } from '../runtime/disposer.ts';
import { h, actionButton } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { PS_CLASS } from './classes.ts';
import { CHANNEL } from './scenarios.ts';

/** What the panel asks the widget to do. */
export interface PanelHandlers {
  onPublish(): void;
  onAddSubscriber(): void;
}

/** The built panel and its fields. */
export interface Panel {
  readonly element: HTMLElement;
  readonly channel: Field;
  readonly message: Field;
  readonly pattern: Field;
}

function onEnter(disposer: Disposer, field: Field, run: () => void): void {
  disposer.listen(field.input, 'keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    run();
  });
}

/** Builds the panel; listeners go through the disposer. */
export function createPanel(disposer: Disposer, handlers: PanelHandlers): Panel {
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
  disposer.listen(publish, 'click', () => handlers.onPublish());
  disposer.listen(add, 'click', () => handlers.onAddSubscriber());
  onEnter(disposer, channel, handlers.onPublish);
  onEnter(disposer, message, handlers.onPublish);
  onEnter(disposer, pattern, handlers.onAddSubscriber);
  const element = h(
    'div',
    { class: `${WIDGET_CLASS.inputs} ${PS_CLASS.panel}` },
    h('div', { class: WIDGET_CLASS.inputGroup }, channel.element, message.element, publish),
    h('div', { class: WIDGET_CLASS.inputGroup }, pattern.element, add),
  );
  return { element, channel, message, pattern };
}
