/**
 * The student's bar: prefetch (`input[name="prefetch"]`, 0 = unlimited, applied with basic.qos and
 * a re-subscribe), «+3 задачи», «+1 с» of virtual time, and whether nack/reject requeue. Invalid
 * input gets a Russian message next to its field and changes nothing else.
 */
import type { Disposer } from '../runtime/disposer.ts';
import { h, uniqueId, actionButton } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { createField, type Field } from '../runtime/field.ts';
import { validateIntInRange, type Validation } from '../runtime/validate.ts';
import { RA_CLASS } from './classes.ts';

/** The largest prefetch the field accepts (RabbitMQ allows 65535; beyond 100 nothing new shows). */
export const MAX_PREFETCH = 100;
/** Tasks one «publish» adds. */
export const PUBLISH_BATCH = 3;
/** Virtual time one «run» lets pass. */
export const RUN_MS = 1000;

/** Checks a typed prefetch_count. */
export function validatePrefetch(raw: string): Validation<number> {
  return validateIntInRange(raw, 0, MAX_PREFETCH, 'prefetch_count');
}

/** What the bar asks the widget to do; each returns an error message or undefined. */
export interface PanelHandlers {
  onPrefetch(prefetch: number): string | undefined;
  onPublish(): string | undefined;
  onRun(): string | undefined;
  onRequeue(requeue: boolean): void;
}

/** The built bar. */
export interface Panel {
  readonly element: HTMLElement;
  readonly prefetch: Field;
  readonly requeue: HTMLInputElement;
  /** Shows the prefetch in force (unless the student is typing in the field). */
  update(prefetch: number): void;
  /** Clears errors and puts the requeue box back. */
  reset(): void;
}

/** Builds the bar; listeners go through the disposer. */
export function createPanel(disposer: Disposer, handlers: PanelHandlers): Panel {
  const prefetch = createField({
    name: 'prefetch',
    label: 'prefetch_count (0 — без лимита)',
    type: 'text',
    inputMode: 'numeric',
    size: 4,
  });
  const apply = actionButton('apply-prefetch', 'basic_qos');
  const publish = actionButton('publish', `+${PUBLISH_BATCH} задачи`);
  const run = actionButton('run', '+1 с');
  const requeueId = uniqueId('w-ra-requeue');
  const requeue = h('input', { type: 'checkbox', name: 'requeue', id: requeueId });
  requeue.checked = true;
  const error = h('span', {
    class: WIDGET_CLASS.fieldError,
    role: 'alert',
    'data-panel-error': '',
    hidden: true,
  });
  const showError = (message: string | undefined): void => {
    error.textContent = message ?? '';
    error.hidden = message === undefined;
  };
  const applyPrefetch = (): void => {
    const value = prefetch.read(validatePrefetch);
    if (value === undefined) return;
    prefetch.setError(handlers.onPrefetch(value));
  };
  disposer.listen(apply, 'click', applyPrefetch);
  disposer.listen(prefetch.input, 'keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    applyPrefetch();
  });
  disposer.listen(publish, 'click', () => showError(handlers.onPublish()));
  disposer.listen(run, 'click', () => showError(handlers.onRun()));
  disposer.listen(requeue, 'change', () => handlers.onRequeue(requeue.checked));
  const element = h(
    'div',
    { class: `${WIDGET_CLASS.inputs} ${RA_CLASS.panel}` },
    prefetch.element,
    apply,
    publish,
    run,
    h('label', { for: requeueId, class: 'w-ra-check' }, requeue, ' requeue для nack/reject'),
    error,
  );
  return {
    element,
    prefetch,
    requeue,
    update(value) {
      if (
        document.activeElement !== prefetch.input &&
        prefetch.input.getAttribute('aria-invalid') !== 'true'
      ) {
        prefetch.input.value = String(value);
      }
    },
    reset() {
      prefetch.setError(undefined);
      showError(undefined);
      requeue.checked = true;
    },
  };
}
