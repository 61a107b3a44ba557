/**
 * The student's controls: four step durations (0–60 000 ms, checked, a Russian message next to
 * the field on error) and how many times each worker fails. A valid change yields a new input;
 * an invalid one changes nothing but its own field.
 */
import { h, uniqueId, actionButton } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import type { Disposer } from '../runtime/disposer.ts';
import { createField, type Field } from '../runtime/field.ts';
import { validateIntInRange } from '../runtime/validate.ts';
import {
  DEFAULT_INPUT,
  MAX_STEP_MS,
  WORKER_TASKS,
  resolveInput,
  type OrderDurations,
  type OrderFlowInput,
  type WorkerTask,
} from '../../broker/orderflow/index.ts';
import { WORKER_TITLE, pluralFailures } from './labels.ts';

/** The editable durations with their field names and labels. */
export const DURATION_FIELDS: readonly {
  readonly key: keyof OrderDurations;
  readonly name: string;
  readonly label: string;
}[] = [
  { key: 'saveOrder', name: 'save-ms', label: 'Запись в БД, мс' },
  { key: 'sendEmail', name: 'email-ms', label: 'Письмо, мс' },
  { key: 'updateInventory', name: 'inventory-ms', label: 'Остатки, мс' },
  { key: 'notifyWarehouse', name: 'warehouse-ms', label: 'Склад, мс' },
];

/** Whether a worker's handler fails: nothing retries (BRPOP, no ack), so one failure is the story. */
export const FAILURE_CHOICES = [0, 1] as const;

/** Checks one typed duration: an integer number of ms in [0, 60 000]. */
export function validateDuration(raw: string, label: string) {
  return validateIntInRange(raw, 0, MAX_STEP_MS, label);
}

/** The inputs panel. */
export interface OrderFlowInputs {
  readonly element: HTMLElement;
  /** Puts every control back to the slide's values and clears errors. */
  reset(): void;
}

/** Builds the panel; `onChange` gets each new valid input. */
export function createInputs(
  disposer: Disposer,
  current: () => OrderFlowInput,
  onChange: (input: OrderFlowInput, what: string) => void,
): OrderFlowInputs {
  const fields = new Map<keyof OrderDurations, Field>();
  const grid = h('div', { class: `${WIDGET_CLASS.inputs} w-of-inputs` });
  for (const spec of DURATION_FIELDS) {
    const field = createField({
      name: spec.name,
      label: spec.label,
      value: String(DEFAULT_INPUT.durations[spec.key]),
      inputMode: 'numeric',
      size: 6,
    });
    fields.set(spec.key, field);
    const apply = (): void => {
      const ms = field.read((raw) => validateDuration(raw, spec.label.replace(', мс', '')));
      if (ms === undefined || ms === current().durations[spec.key]) return;
      const next = resolveInput({
        durations: { ...current().durations, [spec.key]: ms },
        failures: current().failures,
      });
      onChange(next, `${spec.label.replace(', мс', '')}: ${ms} мс`);
    };
    disposer.listen(field.input, 'change', apply);
    disposer.listen(field.input, 'keydown', (event) => {
      if (event.key === 'Enter') apply();
    });
    grid.append(field.element);
  }
  const selects = new Map<WorkerTask, HTMLSelectElement>();
  for (const task of WORKER_TASKS) {
    const id = uniqueId(`w-of-fail-${task}`);
    const select = h('select', { id, name: `fail-${task}` });
    for (const n of FAILURE_CHOICES) {
      select.append(h('option', { value: n }, n === 0 ? 'без сбоя' : pluralFailures(n)));
    }
    disposer.listen(select, 'change', () => {
      const n = Number(select.value);
      const next = resolveInput({
        durations: current().durations,
        failures: { ...current().failures, [task]: n },
      });
      onChange(next, `${WORKER_TITLE[task]}: ${n === 0 ? 'без сбоя' : pluralFailures(n)}`);
    });
    selects.set(task, select);
    grid.append(
      h(
        'div',
        { class: WIDGET_CLASS.field },
        h('label', { for: id }, `${WORKER_TITLE[task]}`),
        select,
      ),
    );
  }
  const resetButton = actionButton('reset-inputs', 'Как на слайде');
  grid.append(resetButton);
  const reset = (): void => {
    for (const spec of DURATION_FIELDS) {
      const field = fields.get(spec.key) as Field;
      field.input.value = String(DEFAULT_INPUT.durations[spec.key]);
      field.setError(undefined);
    }
    for (const select of selects.values()) select.value = '0';
  };
  disposer.listen(resetButton, 'click', () => {
    reset();
    onChange(DEFAULT_INPUT, 'длительности и сбои как на слайде');
  });
  const element = h(
    'details',
    { class: 'w-of-details' },
    h('summary', {}, 'Изменить длительности и сбои воркеров'),
    grid,
  );
  return { element, reset };
}
