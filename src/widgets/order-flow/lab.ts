/**
 * The lab: four step durations (0–60 000 ms, checked, a Russian message next to the field on
 * error), whether each worker fails, and «Как на слайде». A valid change is the student's action;
 * an invalid one changes nothing but its own field.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { applyOnChange, inputRows, labelled } from '../runtime/parts.ts';
import {
  WORKER_TASKS,
  type OrderDurations,
  type WorkerTask,
} from '../../broker/orderflow/index.ts';
import { OF_CLASS } from './classes.ts';
import { WORKER_TITLE, pluralFailures } from './labels.ts';
import {
  DURATION_FIELDS,
  FAILURE_CHOICES,
  durationName,
  validateDuration,
  type OrderFlowAction,
  type OrderFlowFrameView,
} from './logic.ts';

/** Builds the lab into the kit's element; the fields follow the input in force. */
export function orderFlowLab(
  host: KitHost<OrderFlowFrameView, OrderFlowAction>,
): LabPanel<OrderFlowFrameView> {
  const { disposer } = host;
  const input = () => host.view().input;
  const fields = new Map<keyof OrderDurations, Field>();
  const grid = inputRows(OF_CLASS.inputs);
  for (const spec of DURATION_FIELDS) {
    const field = createField({
      name: spec.name,
      label: spec.label,
      value: String(input().durations[spec.key]),
      inputMode: 'numeric',
      size: 6,
    });
    fields.set(spec.key, field);
    const apply = (): void => {
      const ms = field.read((raw) => validateDuration(raw, durationName(spec.key)));
      if (ms === undefined || ms === input().durations[spec.key]) return;
      field.setError(host.act({ type: 'duration', key: spec.key, ms }));
    };
    applyOnChange(disposer, field, apply);
    grid.append(field.element);
  }
  const selects = new Map<WorkerTask, HTMLSelectElement>();
  for (const task of WORKER_TASKS) {
    const select = h('select', { id: host.id(`w-of-fail-${task}`), name: `fail-${task}` });
    for (const n of FAILURE_CHOICES) {
      select.append(h('option', { value: n }, n === 0 ? 'без сбоя' : pluralFailures(n)));
    }
    disposer.listen(select, 'change', () => {
      host.notify(host.act({ type: 'failures', task, count: Number(select.value) }));
    });
    selects.set(task, select);
    grid.append(labelled(WORKER_TITLE[task], select));
  }
  const slideInput = actionButton('reset-inputs', 'Как на слайде');
  grid.append(slideInput);
  const clearErrors = (): void => {
    for (const field of fields.values()) field.setError(undefined);
  };
  disposer.listen(slideInput, 'click', () => {
    clearErrors();
    host.notify(host.act({ type: 'slide-input' }));
  });
  host.element.append(grid);
  return {
    update(view) {
      // A rejected entry stays visible with its message; valid fields follow the input in force.
      for (const spec of DURATION_FIELDS) {
        const field = fields.get(spec.key);
        if (field && field.input.getAttribute('aria-invalid') !== 'true') {
          field.input.value = String(view.input.durations[spec.key]);
        }
      }
      for (const [task, select] of selects) select.value = String(view.input.failures[task]);
    },
    reset: clearErrors,
  };
}
