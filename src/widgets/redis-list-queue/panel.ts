/**
 * The student's inputs: a task + «LPUSH», the mode of a new worker + «+ воркер», and «Вернуть из
 * processing» (the janitor's LMOVE). The task field validates on use and shows its message next to
 * itself; Enter acts like LPUSH and never reaches reveal.js as navigation.
 */
import type { Disposer } from '../runtime/disposer.ts';
import { h, actionButton } from '../runtime/dom.ts';
import { createField, type Field } from '../runtime/field.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LQ_CLASS } from './classes.ts';
import type { WorkerMode } from './scenarios.ts';

/** What the panel asks the widget to do; each returns an error message or undefined. */
export interface PanelHandlers {
  onPush(): void;
  onAddWorker(mode: WorkerMode): string | undefined;
  onRequeue(): string | undefined;
}

/** The built panel. */
export interface Panel {
  readonly element: HTMLElement;
  readonly task: Field;
  readonly mode: HTMLSelectElement;
  /** Shows (or clears) the message of the worker and requeue buttons. */
  setNote(message: string | undefined): void;
}

/** Builds the panel; listeners go through the disposer. */
export function createPanel(disposer: Disposer, handlers: PanelHandlers): Panel {
  const task = createField({ name: 'task', label: 'Задача', value: 'письмо Анне', size: 14 });
  const push = actionButton('lpush', 'LPUSH');
  const mode = h('select', { name: 'worker-mode', id: 'w-lq-mode' });
  mode.append(
    h('option', { value: 'BRPOP' }, 'BRPOP — ненадёжно'),
    h('option', { value: 'BLMOVE' }, 'BLMOVE → processing'),
  );
  const add = actionButton('add-worker', '+ воркер');
  const requeue = actionButton('requeue', 'Вернуть из processing');
  const note = h('span', {
    class: WIDGET_CLASS.fieldError,
    role: 'alert',
    'data-note': '',
    hidden: true,
  });
  const setNote = (message: string | undefined): void => {
    note.textContent = message ?? '';
    note.hidden = message === undefined;
  };
  disposer.listen(push, 'click', () => handlers.onPush());
  disposer.listen(task.input, 'keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    handlers.onPush();
  });
  disposer.listen(add, 'click', () => setNote(handlers.onAddWorker(mode.value as WorkerMode)));
  disposer.listen(requeue, 'click', () => setNote(handlers.onRequeue()));
  const element = h(
    'div',
    { class: `${WIDGET_CLASS.inputs} ${LQ_CLASS.panel}` },
    h('div', { class: WIDGET_CLASS.inputGroup }, task.element, push),
    h(
      'div',
      { class: WIDGET_CLASS.inputGroup },
      h(
        'div',
        { class: WIDGET_CLASS.field },
        h('label', { for: mode.id }, 'Новый воркер берёт'),
        mode,
      ),
      add,
      requeue,
      note,
    ),
  );
  return { element, task, mode, setNote };
}
