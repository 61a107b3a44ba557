/**
 * The student's panel: broker, retry style, max_retries, backoff, its cap, jitter, how many runs
 * fail, acks_late and a worker crash. Numbers are checked (a Russian message next to the field,
 * aria-invalid); an invalid value changes nothing but its own field.
 */
import { h, uniqueId, actionButton } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import type { Disposer } from '../runtime/disposer.ts';
import { createField, type Field } from '../runtime/field.ts';
import { validateIntInRange } from '../runtime/validate.ts';
import { CR_CLASS } from './classes.ts';
import { LIMITS, type CelerySettings, type RetryKind } from './settings.ts';

type NumberKey = keyof typeof LIMITS;
type FlagKey = 'jitter' | 'acksLate' | 'crash';

/** Numeric fields: settings key, input name, label (the label names the Celery option). */
export const NUMBER_FIELDS: readonly { key: NumberKey; name: string; label: string }[] = [
  { key: 'failures', name: 'failures', label: 'Сбоев до успеха' },
  { key: 'maxRetries', name: 'max-retries', label: 'max_retries' },
  { key: 'backoff', name: 'backoff', label: 'retry_backoff / база countdown, с' },
  { key: 'backoffMax', name: 'backoff-max', label: 'retry_backoff_max, с' },
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

/** Checks a typed number against its field's limits. */
export function validateSetting(key: NumberKey, raw: string, label: string) {
  return validateIntInRange(raw, LIMITS[key].min, LIMITS[key].max, label);
}

export interface CeleryInputs {
  readonly element: HTMLElement;
  /** Shows `s` in every control and clears errors. */
  sync(s: CelerySettings): void;
}

function select(name: string, label: string, options: readonly [string, string][]) {
  const id = uniqueId(`w-cr-${name}`);
  const el = h('select', { id, name });
  for (const [value, text] of options) el.append(h('option', { value }, text));
  const wrap = h('div', { class: WIDGET_CLASS.field }, h('label', { for: id }, label), el);
  return { el, wrap };
}

/** Builds the panel; `change` gets each valid new setting with a few words about it. */
export function createInputs(
  disposer: Disposer,
  current: () => CelerySettings,
  change: (next: CelerySettings, what: string) => void,
  resetToSlide: () => void,
): CeleryInputs {
  const grid = h('div', { class: `${WIDGET_CLASS.inputs} ${CR_CLASS.inputs}` });
  const transport = select('transport', 'Брокер', [
    ['redis', 'Redis'],
    ['rabbitmq', 'RabbitMQ'],
  ]);
  const retry = select(
    'retry',
    'Повтор',
    (Object.keys(RETRY_TEXT) as RetryKind[]).map((k) => [k, RETRY_TEXT[k]]),
  );
  disposer.listen(transport.el, 'change', () => {
    const v = transport.el.value === 'rabbitmq' ? 'rabbitmq' : 'redis';
    change({ ...current(), transport: v }, `брокер ${v === 'redis' ? 'Redis' : 'RabbitMQ'}`);
  });
  disposer.listen(retry.el, 'change', () => {
    const v = retry.el.value as RetryKind;
    if (!(v in RETRY_TEXT)) return;
    change({ ...current(), retry: v }, `повтор: ${RETRY_TEXT[v]}`);
  });
  grid.append(transport.wrap, retry.wrap);

  const fields = new Map<NumberKey, Field>();
  for (const spec of NUMBER_FIELDS) {
    const field = createField({
      name: spec.name,
      label: spec.label,
      inputMode: 'numeric',
      size: 4,
    });
    fields.set(spec.key, field);
    const apply = (): void => {
      const value = field.read((raw) => validateSetting(spec.key, raw, spec.label));
      if (value === undefined || value === current()[spec.key]) return;
      change({ ...current(), [spec.key]: value }, `${spec.label} = ${value}`);
    };
    disposer.listen(field.input, 'change', apply);
    disposer.listen(field.input, 'keydown', (event) => {
      if (event.key === 'Enter') apply();
    });
    grid.append(field.element);
  }

  const boxes = new Map<FlagKey, HTMLInputElement>();
  for (const flag of FLAGS) {
    const id = uniqueId(`w-cr-${flag.name}`);
    const box = h('input', { id, type: 'checkbox', name: flag.name });
    boxes.set(flag.key, box);
    disposer.listen(box, 'change', () =>
      change(
        { ...current(), [flag.key]: box.checked },
        `${flag.label}: ${box.checked ? 'да' : 'нет'}`,
      ),
    );
    grid.append(h('div', { class: 'w-cr-flag' }, box, h('label', { for: id }, flag.label)));
  }

  const reset = actionButton('reset-inputs', 'Как на слайде');
  disposer.listen(reset, 'click', resetToSlide);
  grid.append(reset);

  const sync = (s: CelerySettings): void => {
    transport.el.value = s.transport;
    retry.el.value = s.retry;
    for (const spec of NUMBER_FIELDS) {
      const field = fields.get(spec.key) as Field;
      field.input.value = String(s[spec.key]);
      field.setError(undefined);
    }
    for (const flag of FLAGS) (boxes.get(flag.key) as HTMLInputElement).checked = s[flag.key];
  };
  const element = h(
    'details',
    { class: 'w-cr-details' },
    h('summary', {}, 'Изменить задачу: повторы, брокер, ack, сбой воркера'),
    grid,
  );
  return { element, sync };
}
