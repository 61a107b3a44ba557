/**
 * The student's side of the widget in HTML: the publish bar (exchange type, routing key, headers,
 * mandatory, «Отправить») and one card per queue (`[data-queue]`, with `data-depth` and
 * `data-received`) holding its bindings as editable `input[name="binding-key"]` fields.
 * Cards are rebuilt per frame; their listeners are delegated, so rebuilding leaks nothing.
 */
import type { ExchangeKind } from '../../broker/rabbitmq/index.ts';
import type { Disposer } from '../runtime/disposer.ts';
import { h } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import { ER_CLASS } from './diagram-classes.ts';
import { bindingText } from './parse.ts';
import { EXCHANGE_KINDS } from './scenarios.ts';
import type { RoutingView } from './session.ts';

/** What the panel asks the widget to do; each handler validates and reports errors itself. */
export interface PanelHandlers {
  onSelect(kind: ExchangeKind): void;
  onPublish(): void;
  onBindingChange(queue: string, index: number, field: Field): void;
  onRemoveBinding(queue: string, index: number): void;
  onAddBinding(queue: string): string | undefined;
  onAddQueue(): string | undefined;
}

/** The built panel. */
export interface Panel {
  readonly bar: HTMLElement;
  readonly cards: HTMLElement;
  readonly keyField: Field;
  readonly headersField: Field;
  readonly mandatory: HTMLInputElement;
  /** Shows `view`: the select, which fields apply, and the queue cards. */
  update(view: RoutingView): void;
}

const KIND_LABEL: Readonly<Record<ExchangeKind, string>> = {
  direct: 'direct — ключ целиком',
  fanout: 'fanout — всем',
  topic: 'topic — шаблон',
  headers: 'headers — заголовки',
};

/** Builds the panel; listeners go through the disposer. */
export function createPanel(disposer: Disposer, handlers: PanelHandlers): Panel {
  const select = h('select', { name: 'exchange-type', id: 'w-er-type' });
  for (const kind of EXCHANGE_KINDS) select.append(h('option', { value: kind }, KIND_LABEL[kind]));
  const typeField = h(
    'div',
    { class: 'w-field' },
    h('label', { for: select.id }, 'Exchange'),
    select,
  );
  const keyField = createField({ name: 'routing-key', label: 'Ключ', size: 14 });
  const headersField = createField({
    name: 'headers',
    label: 'Заголовки',
    size: 18,
    placeholder: 'status=paid, region=eu',
  });
  const mandatory = h('input', { type: 'checkbox', name: 'mandatory', id: 'w-er-mandatory' });
  const publish = h('button', { type: 'button', name: 'publish', class: 'w-button' }, 'Отправить');
  const bar = h(
    'div',
    { class: `w-inputs ${ER_CLASS.panel}` },
    typeField,
    keyField.element,
    headersField.element,
    h('label', { class: ER_CLASS.hint }, mandatory, ' mandatory'),
    publish,
  );
  const cards = h('div', { class: ER_CLASS.queues });
  const queueError = h('span', { class: 'w-field-error', role: 'alert', hidden: true });

  disposer.listen(select, 'change', () => handlers.onSelect(select.value as ExchangeKind));
  disposer.listen(publish, 'click', () => handlers.onPublish());
  const onEnter = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    handlers.onPublish();
  };
  disposer.listen(keyField.input, 'keydown', onEnter);
  disposer.listen(headersField.input, 'keydown', onEnter);

  // Binding fields carry their Field object so that errors show next to the right input.
  const fields = new WeakMap<HTMLInputElement, Field>();
  disposer.listen(cards, 'change', (event) => {
    const input = event.target as HTMLInputElement;
    const field = fields.get(input);
    if (field && input.name === 'binding-key') {
      handlers.onBindingChange(
        input.dataset['queueName'] ?? '',
        Number(input.dataset['index']),
        field,
      );
    }
  });
  disposer.listen(cards, 'click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    const queue = button.dataset['queueName'] ?? '';
    if (button.name === 'remove-binding')
      handlers.onRemoveBinding(queue, Number(button.dataset['index']));
    if (button.name === 'add-binding') {
      const error = handlers.onAddBinding(queue);
      const slot = button.parentElement?.querySelector<HTMLElement>('[role="alert"]');
      if (slot) {
        slot.textContent = error ?? '';
        slot.hidden = error === undefined;
      }
    }
    if (button.name === 'add-queue') {
      const error = handlers.onAddQueue();
      queueError.textContent = error ?? '';
      queueError.hidden = error === undefined;
    }
  });

  const card = (view: RoutingView, q: RoutingView['queues'][number]): HTMLElement => {
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
      // Wide enough for what it holds, within reason: the cards share one or two rows.
      const size = Math.min(24, Math.max(6, [...text].length + 1));
      const field = createField({
        name: 'binding-key',
        label: `${label} ${i + 1} очереди ${q.name}`,
        size,
      });
      field.input.value = text;
      field.input.dataset['queueName'] = q.name;
      field.input.dataset['index'] = String(i);
      field.input.dataset['focusKey'] = `${q.name}/${i}`;
      fields.set(field.input, field);
      const remove = h(
        'button',
        {
          type: 'button',
          name: 'remove-binding',
          class: 'w-button',
          'data-queue-name': q.name,
          'data-index': i,
          'data-focus-key': `${q.name}/${i}/remove`,
          'aria-label': `Удалить привязку ${i + 1} очереди ${q.name}`,
        },
        '✕',
      );
      el.append(h('div', { class: ER_CLASS.binding }, field.element, remove));
    });
    el.append(
      h(
        'button',
        {
          type: 'button',
          name: 'add-binding',
          class: 'w-button',
          'data-queue-name': q.name,
          'data-focus-key': `${q.name}/add`,
        },
        '+ привязка',
      ),
      h('span', { class: 'w-field-error', role: 'alert', hidden: true }),
    );
    return el;
  };

  return {
    bar,
    cards,
    keyField,
    headersField,
    mandatory,
    update(view) {
      select.value = view.exchange.kind;
      headersField.element.hidden = view.exchange.kind !== 'headers';
      const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.['focusKey'];
      const addQueue = h(
        'button',
        { type: 'button', name: 'add-queue', class: 'w-button', 'data-focus-key': 'add-queue' },
        '+ очередь',
      );
      cards.replaceChildren(
        ...view.queues.map((q) => card(view, q)),
        h('div', { class: ER_CLASS.card }, addQueue, queueError),
      );
      if (focusKey)
        cards.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
    },
  };
}
