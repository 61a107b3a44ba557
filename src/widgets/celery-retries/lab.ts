/**
 * The lab: broker, retry style, max_retries, backoff, its cap, jitter, how many runs fail,
 * acks_late and a worker crash, folded under «Изменить задачу…». Numbers are checked (a Russian
 * message next to the field, aria-invalid); an invalid value changes nothing but its own field.
 * Every change is an action the kit logs, so the clicker keeps its step and the settings stay.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { applyOnChange, inputRows, labelled } from '../runtime/parts.ts';
import { CR_CLASS } from './classes.ts';
import { NUMBER_LABEL, validateSetting, type CeleryAction, type CeleryView } from './logic.ts';
import type { CelerySettings, FlagKey, NumberKey, RetryKind } from './story.ts';

/** Numeric fields: settings key and input name, in the order they are shown. */
export const NUMBER_FIELDS: readonly { key: NumberKey; name: string }[] = [
  { key: 'failures', name: 'failures' },
  { key: 'maxRetries', name: 'max-retries' },
  { key: 'backoff', name: 'backoff' },
  { key: 'backoffMax', name: 'backoff-max' },
];

const FLAGS: readonly { key: FlagKey; name: string; label: string }[] = [
  { key: 'jitter', name: 'jitter', label: 'retry_jitter' },
  { key: 'acksLate', name: 'acks-late', label: 'acks_late' },
  { key: 'crash', name: 'crash', label: 'worker1 падает на 1-м запуске' },
];

const RETRY_TEXT: Readonly<Record<RetryKind, string>> = {
  none: 'без повтора',
  countdown: 'self.retry(countdown=…·2**retries)',
  autoretry: 'autoretry_for + retry_backoff',
};

const isRetryKind = (value: string): value is RetryKind => Object.hasOwn(RETRY_TEXT, value);

/** Builds the lab into the kit's element; `update` shows each frame's settings in the controls. */
export function celeryLab(host: KitHost<CeleryView, CeleryAction>): LabPanel<CeleryView> {
  const { disposer } = host;
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]) => {
    const el = h('select', { id: host.id(`w-cr-${name}`), name });
    for (const [value, text] of options) el.append(h('option', { value }, text));
    return { el, wrap: labelled(label, el) };
  };
  const act = (action: CeleryAction): void => host.notify(host.act(action));
  const grid = inputRows(CR_CLASS.inputs);
  const transport = select('transport', 'Брокер', [
    ['redis', 'Redis'],
    ['rabbitmq', 'RabbitMQ'],
  ]);
  const retry = select(
    'retry',
    'Повтор',
    Object.entries(RETRY_TEXT).map(([value, text]) => [value, text] as const),
  );
  // A value that is not an option (set from outside) changes nothing and goes back to the
  // setting in use (it took Redis, or left the select blank).
  disposer.listen(transport.el, 'change', () => {
    const value = transport.el.value;
    if (value === 'redis' || value === 'rabbitmq') act({ type: 'transport', value });
    else transport.el.value = host.view().settings.transport;
  });
  disposer.listen(retry.el, 'change', () => {
    const value = retry.el.value;
    if (isRetryKind(value)) act({ type: 'retry', value });
    else retry.el.value = host.view().settings.retry;
  });
  grid.append(transport.wrap, retry.wrap);

  const fields = new Map<NumberKey, Field>();
  for (const spec of NUMBER_FIELDS) {
    const field = createField({
      name: spec.name,
      label: NUMBER_LABEL[spec.key],
      inputMode: 'numeric',
      size: 4,
    });
    fields.set(spec.key, field);
    const apply = (): void => {
      const value = field.read((raw) => validateSetting(spec.key, raw));
      if (value === undefined || value === host.view().settings[spec.key]) return;
      field.setError(host.act({ type: 'number', key: spec.key, value }));
    };
    applyOnChange(disposer, field, apply);
    grid.append(field.element);
  }

  const boxes = new Map<FlagKey, HTMLInputElement>();
  for (const flag of FLAGS) {
    const box = h('input', { id: host.id(`w-cr-${flag.name}`), type: 'checkbox', name: flag.name });
    boxes.set(flag.key, box);
    disposer.listen(box, 'change', () => act({ type: 'flag', key: flag.key, value: box.checked }));
    grid.append(h('div', { class: CR_CLASS.flag }, box, h('label', { for: box.id }, flag.label)));
  }

  const reset = actionButton('reset-inputs', 'Как на слайде');
  disposer.listen(reset, 'click', () => act({ type: 'slide' }));
  grid.append(reset);

  let synced = '';
  const sync = (s: CelerySettings, force: boolean): void => {
    const key = JSON.stringify(s);
    if (key === synced && !force) return;
    synced = key;
    transport.el.value = s.transport;
    retry.el.value = s.retry;
    for (const spec of NUMBER_FIELDS) {
      const field = fields.get(spec.key);
      if (!field) continue;
      field.input.value = String(s[spec.key]);
      field.setError(undefined);
    }
    for (const flag of FLAGS) {
      const box = boxes.get(flag.key);
      if (box) box.checked = s[flag.key];
    }
  };
  host.element.append(
    h(
      'details',
      { class: CR_CLASS.details },
      h('summary', {}, 'Изменить задачу: повторы, брокер, ack, сбой воркера'),
      grid,
    ),
  );
  return {
    update: (view) => sync(view.settings, false),
    reset: () => sync(host.view().settings, true),
  };
}
