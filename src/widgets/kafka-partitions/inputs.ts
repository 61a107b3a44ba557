/**
 * The student's controls: partitions, key + produce, assignor, add/remove/crash a consumer, poll,
 * commit, poll group B and seek. Each field validates on use and shows its message next to
 * itself; an invalid value changes nothing else. Callbacks receive only validated values.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import { validateIntInRange, type Validation } from '../runtime/validate.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import type { Disposer } from '../runtime/disposer.ts';
import type { AssignorName } from '../../broker/kafka/index.ts';
import { KP_CLASS } from './classes.ts';
import { utf8Length } from '../runtime/validate.ts';

/** Largest key the widget accepts, in UTF-8 bytes (a short text on a slide, not Kafka's limit). */
export const MAX_KEY_BYTES = 255;

/** A Kafka record key typed by a student: empty means «no key» (null), else at most 255 bytes. */
export function validateKafkaKey(raw: string): Validation<string | null> {
  if (raw.length === 0) return { ok: true, value: null };
  const bytes = utf8Length(raw);
  if (bytes > MAX_KEY_BYTES) {
    return { ok: false, message: `Ключ длиннее ${MAX_KEY_BYTES} байт (${bytes} байт).` };
  }
  return { ok: true, value: raw };
}

/** Partitions a student may choose (issue 5: 1–64). */
export function validatePartitions(raw: string): Validation<number> {
  return validateIntInRange(raw, 1, 64, 'Партиций');
}

/** What the controls ask the widget to do. */
export interface KafkaInputHandlers {
  partitions(n: number): void;
  produce(key: string | null): void;
  assignor(name: AssignorName): void;
  addConsumer(): string | undefined;
  removeConsumer(): string | undefined;
  crashConsumer(): string | undefined;
  poll(group: 'A' | 'B'): void;
  commit(): void;
  /** Returns an error message when the offset cannot apply. */
  seek(offset: number): string | undefined;
}

/** The controls' element and a way to sync them with the shown state. */
export interface KafkaInputs {
  readonly element: HTMLElement;
  sync(state: {
    partitions: number;
    assignor: AssignorName;
    hasGroupB: boolean;
    consumers: number;
  }): void;
}

const ASSIGNORS: readonly { value: AssignorName; label: string }[] = [
  { value: 'range', label: 'range' },
  { value: 'roundrobin', label: 'round-robin' },
  // kafka-python 2.0.2 has no cooperative protocol: this one is the Java client's (the
  // caption of its rebalance says so).
  { value: 'cooperative-sticky', label: 'cooperative-sticky' },
];

function onEnter(disposer: Disposer, field: Field, run: () => void): void {
  disposer.listen(field.input, 'keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      // Stop reveal.js from reading Enter/arrows typed in a field as navigation.
      e.stopPropagation();
      run();
    }
  });
}

/** Builds the controls; listeners go through `disposer`. */
export function createKafkaInputs(disposer: Disposer, on: KafkaInputHandlers): KafkaInputs {
  const partitions = createField({
    name: 'partitions',
    label: 'Партиций',
    type: 'number',
    inputMode: 'numeric',
    size: 3,
  });
  const key = createField({
    name: 'key',
    label: 'Ключ (пусто = без ключа)',
    value: 'user-42',
    size: 10,
  });
  const seekField = createField({
    name: 'seek-offset',
    label: 'Seek A на offset',
    type: 'number',
    inputMode: 'numeric',
    size: 3,
    value: '0',
  });
  const produce = actionButton('produce', 'Отправить');
  const selectId = 'w-kp-assignor';
  const assignor = h('select', { name: 'assignor', id: selectId });
  for (const a of ASSIGNORS) assignor.append(h('option', { value: a.value }, a.label));
  const add = actionButton('add-consumer', '+ consumer');
  const remove = actionButton('remove-consumer', '− consumer', {
    title: 'Последний consumer корректно выходит (close)',
  });
  const crash = actionButton('crash-consumer', 'Упал', {
    title: 'Последний consumer падает без close()',
  });
  const poll = actionButton('poll', 'poll A');
  const commit = actionButton('commit', 'commit A');
  const pollB = actionButton('poll-b', 'poll B');
  const seek = actionButton('seek', 'Seek');
  const consumerError = h('span', {
    class: WIDGET_CLASS.fieldError,
    role: 'alert',
    hidden: true,
    'data-error': 'consumers',
  });

  const showConsumerError = (message: string | undefined): void => {
    consumerError.hidden = message === undefined;
    consumerError.textContent = message ?? '';
  };
  const applyPartitions = (): void => {
    const n = partitions.read(validatePartitions);
    if (n !== undefined) on.partitions(n);
  };
  const doProduce = (): void => {
    const k = key.read(validateKafkaKey);
    if (k !== undefined) on.produce(k);
  };
  const doSeek = (): void => {
    const n = seekField.read((raw) => validateIntInRange(raw, 0, 999_999, 'Offset'));
    if (n === undefined) return;
    const problem = on.seek(n);
    if (problem !== undefined) seekField.setError(problem);
  };
  disposer.listen(partitions.input, 'change', applyPartitions);
  onEnter(disposer, partitions, applyPartitions);
  disposer.listen(produce, 'click', doProduce);
  onEnter(disposer, key, doProduce);
  disposer.listen(seek, 'click', doSeek);
  onEnter(disposer, seekField, doSeek);
  disposer.listen(assignor, 'change', () => on.assignor(assignor.value as AssignorName));
  disposer.listen(add, 'click', () => showConsumerError(on.addConsumer()));
  disposer.listen(remove, 'click', () => showConsumerError(on.removeConsumer()));
  disposer.listen(crash, 'click', () => showConsumerError(on.crashConsumer()));
  disposer.listen(poll, 'click', () => on.poll('A'));
  disposer.listen(pollB, 'click', () => on.poll('B'));
  disposer.listen(commit, 'click', () => on.commit());

  const element = h(
    'div',
    { class: `${WIDGET_CLASS.inputs} ${KP_CLASS.controls}` },
    partitions.element,
    h('div', { class: 'w-kp-group' }, key.element, produce),
    h('div', { class: WIDGET_CLASS.field }, h('label', { for: selectId }, 'Стратегия'), assignor),
    h('div', { class: 'w-kp-group' }, add, remove, crash, consumerError),
    h('div', { class: 'w-kp-group' }, poll, commit, pollB),
    h('div', { class: 'w-kp-group' }, seekField.element, seek),
  );
  return {
    element,
    sync(state) {
      // Only overwrite the field when it holds a valid value, so a rejected entry stays visible.
      if (partitions.input.getAttribute('aria-invalid') !== 'true')
        partitions.input.value = String(state.partitions);
      assignor.value = state.assignor;
      pollB.disabled = !state.hasGroupB;
      add.setAttribute(
        'aria-label',
        `Добавить consumer в группу A (сейчас ${state.consumers} из 16)`,
      );
    },
  };
}
