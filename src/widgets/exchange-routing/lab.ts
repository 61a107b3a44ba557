/**
 * The lab: the publish bar (exchange type, routing key, headers, mandatory, «Отправить») and one
 * card per queue (`[data-queue]`, with `data-depth` and `data-received`) holding its bindings as
 * editable `input[name="binding-key"]` fields, «+ привязка» and «+ очередь». Fields validate on use
 * and show their message next to themselves; what does not fit the model is refused by the logic
 * and said where the student acted. Cards are rebuilt per frame; listeners are delegated.
 */
import type { ExchangeKind } from '../../broker/rabbitmq/index.ts';
import { actionButton, h } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import {
  alertLine,
  inputRows,
  labelled,
  onButton,
  submitOnEnter,
  type AlertLine,
} from '../runtime/parts.ts';
import { validateRoutingKey } from '../runtime/validate.ts';
import { ER_CLASS } from './classes.ts';
import {
  defaultBinding,
  nextQueueName,
  sameBinding,
  type BindingSpec,
  type QueueView,
  type RoutingView,
  type StudentAction,
} from './logic.ts';
import { bindingText, parseHeaders, readBinding } from './parse.ts';
import { EXCHANGE_KINDS } from './story.ts';

const KIND_LABEL: Readonly<Record<ExchangeKind, string>> = {
  direct: 'direct — ключ целиком',
  fanout: 'fanout — всем',
  topic: 'topic — шаблон',
  headers: 'headers — заголовки',
};

/** Builds the lab into the kit's element. */
export function routingLab(host: KitHost<RoutingView, StudentAction>): LabPanel<RoutingView> {
  const { disposer } = host;
  const select = h('select', { name: 'exchange-type', id: host.id('w-er-type') });
  for (const kind of EXCHANGE_KINDS) select.append(h('option', { value: kind }, KIND_LABEL[kind]));
  const keyField = createField({ name: 'routing-key', label: 'Ключ', size: 14 });
  const headersField = createField({
    name: 'headers',
    label: 'Заголовки',
    size: 18,
    placeholder: 'status=paid, region=eu',
  });
  const mandatory = h('input', {
    type: 'checkbox',
    name: 'mandatory',
    id: host.id('w-er-mandatory'),
  });
  const publish = actionButton('publish', 'Отправить');
  const cards = h('div', { class: ER_CLASS.queues });
  const queueError = alertLine();
  const kind = (): ExchangeKind => host.view().exchange.kind;
  const queueOf = (name: string): QueueView | undefined =>
    host.view().queues.find((q) => q.name === name);

  /** A new binding's default; on direct it takes the typed key, which must then be valid. */
  const newBinding = (): BindingSpec | string => {
    if (kind() !== 'direct') return defaultBinding(kind(), '');
    const key = keyField.read(validateRoutingKey);
    return key === undefined
      ? 'Ключ новой привязки берётся из поля «Ключ» — сначала исправьте его.'
      : defaultBinding('direct', key);
  };

  const onPublish = (): void => {
    const routingKey = keyField.read(validateRoutingKey);
    if (routingKey === undefined) return;
    let headers: ReadonlyMap<string, string> | undefined;
    if (kind() === 'headers') {
      headers = headersField.read((raw) => parseHeaders(raw, false));
      if (headers === undefined) return;
    }
    const refused = host.act({
      type: 'publish',
      routingKey,
      mandatory: mandatory.checked,
      ...(headers ? { headers } : {}),
    });
    keyField.setError(refused);
  };

  disposer.listen(select, 'change', () => {
    const refused = host.act({ type: 'select', kind: select.value });
    host.notify(refused);
    // A value that is not an option (set from outside) goes back to the type shown.
    if (refused !== undefined) select.value = kind();
  });
  submitOnEnter(disposer, [keyField, headersField], onPublish, publish);

  // Binding fields carry their Field object so that errors show next to the right input.
  const fields = new WeakMap<HTMLInputElement, Field>();
  // Each card's «+ привязка» button and the line under it that shows its refusal.
  const bindErrors = new WeakMap<HTMLButtonElement, AlertLine>();
  disposer.listen(cards, 'change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== 'binding-key') return;
    const field = fields.get(input);
    const queue = input.dataset['queueName'] ?? '';
    const from = queueOf(queue)?.bindings[Number(input.dataset['index'])];
    if (!field || !from) return;
    const to = field.read((raw) => readBinding(kind(), raw, from));
    if (to === undefined || sameBinding(from, to)) return;
    field.setError(host.act({ type: 'rebind', queue, from, to }));
  });
  onButton(disposer, cards, (button) => {
    const queue = button.dataset['queueName'] ?? '';
    if (button.name === 'remove-binding') {
      const binding = queueOf(queue)?.bindings[Number(button.dataset['index'])];
      if (binding) host.notify(host.act({ type: 'unbind', queue, binding }));
    }
    if (button.name === 'add-binding') {
      const binding = newBinding();
      const refused =
        typeof binding === 'string' ? binding : host.act({ type: 'bind', queue, binding });
      bindErrors.get(button)?.show(refused);
    }
    if (button.name === 'add-queue') {
      const binding = newBinding();
      const name = nextQueueName(host.view().queues.map((q) => q.name));
      queueError.show(
        typeof binding === 'string'
          ? binding
          : host.act({ type: 'add-queue', queue: name, binding }),
      );
    }
  });

  const card = (view: RoutingView, q: QueueView): HTMLElement => {
    const el = h('div', {
      class: ER_CLASS.card,
      'data-queue': q.name,
      'data-depth': q.depth,
      'data-received': q.received === undefined ? undefined : String(q.received),
    });
    const mark = q.received === undefined ? '' : q.received ? ' ✓' : ' ✗';
    el.append(h('div', { class: ER_CLASS.cardHead }, `${q.name}: ${q.depth} сообщ.${mark}`));
    q.bindings.forEach((b, i) => {
      const label = view.exchange.kind === 'headers' ? 'аргументы' : 'ключ привязки';
      const text = bindingText(view.exchange.kind, b);
      const field = createField({
        name: 'binding-key',
        label: `${label} ${i + 1} очереди ${q.name}`,
        size: Math.min(22, Math.max(8, [...text].length + 1)),
      });
      field.input.value = text;
      field.input.dataset['queueName'] = q.name;
      field.input.dataset['index'] = String(i);
      field.input.dataset['focusKey'] = `${q.name}/${i}`;
      fields.set(field.input, field);
      const remove = actionButton('remove-binding', '✕', {
        'data-queue-name': q.name,
        'data-index': i,
        'data-focus-key': `${q.name}/${i}/remove`,
        'aria-label': `Удалить привязку ${i + 1} очереди ${q.name}`,
      });
      el.append(h('div', { class: ER_CLASS.binding }, field.element, remove));
    });
    const add = actionButton('add-binding', '+ привязка', {
      'data-queue-name': q.name,
      'data-focus-key': `${q.name}/add`,
      'aria-label': `+ привязка очереди ${q.name}`,
    });
    const refusal = alertLine();
    bindErrors.set(add, refusal);
    el.append(add, refusal.element);
    return el;
  };

  host.element.append(
    inputRows(
      ER_CLASS.panel,
      [labelled('Exchange', select)],
      [
        keyField.element,
        headersField.element,
        h('label', { class: ER_CLASS.hint, for: mandatory.id }, mandatory, ' mandatory'),
        publish,
      ],
    ),
    cards,
  );
  return {
    update(view) {
      select.value = view.exchange.kind;
      headersField.element.hidden = view.exchange.kind !== 'headers';
      const addQueue = actionButton('add-queue', '+ очередь', { 'data-focus-key': 'add-queue' });
      cards.replaceChildren(
        ...view.queues.map((q) => card(view, q)),
        h('div', { class: ER_CLASS.card }, addQueue, queueError.element),
      );
    },
    reset() {
      keyField.setError(undefined);
      headersField.setError(undefined);
      queueError.show(undefined);
    },
  };
}
