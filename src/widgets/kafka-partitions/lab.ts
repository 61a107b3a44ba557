/**
 * The lab: partitions, key + «Отправить», the assignor, add/remove/crash a consumer, poll and
 * commit group A, poll group B, and seek. Each field validates on use and shows its message next
 * to itself (so does the kit's refusal of an action that does not fit); an invalid value changes
 * nothing. Enter in a field acts and never reaches reveal.js as navigation.
 */
import type { AssignorName } from '../../broker/kafka/index.ts';
import { actionButton, h } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { alertLine, applyOnChange, inputRows, labelled, submitOnEnter } from '../runtime/parts.ts';
import { validateIntInRange, type Validation } from '../runtime/validate.ts';
import { KP_CLASS } from './classes.ts';
import {
  MAX_CONSUMERS,
  MAX_PARTITIONS,
  MAX_SEEK_OFFSET,
  validateKafkaKey,
  type KafkaAction,
  type KafkaFrameView,
} from './logic.ts';

/** Partitions a student may choose (issue 5: 1–64). */
export function validatePartitions(raw: string): Validation<number> {
  return validateIntInRange(raw, 1, MAX_PARTITIONS, 'Партиций');
}

const ASSIGNORS: readonly { value: AssignorName; label: string }[] = [
  { value: 'range', label: 'range' },
  { value: 'roundrobin', label: 'round-robin' },
  // kafka-python 2.0.2 has no cooperative protocol: this one is the Java client's (the
  // caption of its rebalance says so).
  { value: 'cooperative-sticky', label: 'cooperative-sticky' },
];

function assignorOf(value: string): AssignorName | undefined {
  return ASSIGNORS.find((a) => a.value === value)?.value;
}

/** Builds the lab into the kit's element. */
export function kafkaLab(host: KitHost<KafkaFrameView, KafkaAction>): LabPanel<KafkaFrameView> {
  const { disposer } = host;
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
  const assignor = h('select', { name: 'assignor', id: host.id('w-kp-assignor') });
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
  const consumerError = alertLine({ 'data-error': 'consumers' });
  const showConsumerError = consumerError.show;
  const applyPartitions = (): void => {
    const n = partitions.read(validatePartitions);
    // The same count again (Enter, then the change event) is no new action.
    if (n !== undefined && n !== host.view().settings.partitions) {
      partitions.setError(host.act({ kind: 'partitions', partitions: n }));
    }
  };
  const doProduce = (): void => {
    const k = key.read(validateKafkaKey);
    if (k !== undefined) key.setError(host.act({ kind: 'produce', key: k }));
  };
  const doSeek = (): void => {
    const n = seekField.read((raw) => validateIntInRange(raw, 0, MAX_SEEK_OFFSET, 'Offset'));
    if (n !== undefined) seekField.setError(host.act({ kind: 'seek', offset: n }));
  };
  // Enter in a field acts like its button and never reaches reveal.js.
  applyOnChange(disposer, partitions, applyPartitions);
  submitOnEnter(disposer, [key], doProduce, produce);
  submitOnEnter(disposer, [seekField], doSeek, seek);
  disposer.listen(assignor, 'change', () => {
    const chosen = assignorOf(assignor.value);
    // A value that is not an option (set from outside) changes nothing: back to the one in use.
    if (chosen === undefined) assignor.value = host.view().settings.assignor;
    else if (chosen !== host.view().settings.assignor) {
      host.notify(host.act({ kind: 'assignor', assignor: chosen }));
    }
  });
  const consumers = (action: KafkaAction): void => showConsumerError(host.act(action));
  disposer.listen(add, 'click', () => consumers({ kind: 'addConsumer' }));
  disposer.listen(remove, 'click', () => consumers({ kind: 'removeConsumer' }));
  disposer.listen(crash, 'click', () => consumers({ kind: 'crashConsumer' }));
  disposer.listen(poll, 'click', () => host.notify(host.act({ kind: 'poll', group: 'A' })));
  disposer.listen(pollB, 'click', () => host.notify(host.act({ kind: 'poll', group: 'B' })));
  disposer.listen(commit, 'click', () => host.notify(host.act({ kind: 'commit' })));

  host.element.append(
    inputRows(
      KP_CLASS.controls,
      partitions.element,
      h('div', { class: KP_CLASS.group }, key.element, produce),
      labelled('Стратегия', assignor),
      h('div', { class: KP_CLASS.group }, add, remove, crash, consumerError.element),
      h('div', { class: KP_CLASS.group }, poll, commit, pollB),
      h('div', { class: KP_CLASS.group }, seekField.element, seek),
    ),
  );
  return {
    update(view) {
      // Only overwrite the field when it holds a valid value, so a rejected entry stays visible.
      if (partitions.input.getAttribute('aria-invalid') !== 'true') {
        partitions.input.value = String(view.settings.partitions);
      }
      assignor.value = view.settings.assignor;
      pollB.disabled = view.groupB === null;
      const n = view.groupA?.members.length ?? 0;
      add.setAttribute(
        'aria-label',
        `Добавить consumer в группу A (сейчас ${n} из ${MAX_CONSUMERS})`,
      );
    },
    reset() {
      for (const field of [partitions, key, seekField]) field.setError(undefined);
      showConsumerError(undefined);
    },
  };
}
