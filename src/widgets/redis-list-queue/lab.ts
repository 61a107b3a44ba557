/**
 * The lab: a task + «LPUSH», the mode of a new worker + «+ воркер», and «Вернуть из processing»
 * (the janitor's LMOVE). The task field validates on use and shows its message next to itself;
 * Enter acts like LPUSH and never reaches reveal.js as navigation.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { LQ_CLASS } from './classes.ts';
import { nextWorker, validateTask, type QueueAction, type QueueView } from './logic.ts';
import type { WorkerMode } from './story.ts';

/**
 * Builds the lab into the kit's element. The kit refuses what does not fit (a full queue, a
 * seventh worker, a task still held); the field checks the text itself.
 */
export function listQueueLab(host: KitHost<QueueView, QueueAction>): LabPanel<QueueView> {
  const { disposer } = host;
  const task = createField({ name: 'task', label: 'Задача', value: 'письмо Анне', size: 14 });
  const push = actionButton('lpush', 'LPUSH');
  const mode = h('select', { name: 'worker-mode', id: host.id('w-lq-mode') });
  mode.append(
    h('option', { value: 'BRPOP' }, 'BRPOP — ненадёжно'),
    h('option', { value: 'BLMOVE' }, 'BLMOVE → processing'),
  );
  const add = actionButton('add-worker', '+ воркер');
  const requeue = actionButton('requeue', 'Вернуть из processing');
  const onPush = (): void => {
    const value = task.read(validateTask);
    if (value !== undefined) task.setError(host.act({ type: 'lpush', value }));
  };
  disposer.listen(push, 'click', onPush);
  disposer.listen(task.input, 'keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    onPush();
  });
  disposer.listen(add, 'click', () => {
    const names = host.view().workers.map((w) => w.client);
    const chosen: WorkerMode = mode.value === 'BLMOVE' ? 'BLMOVE' : 'BRPOP';
    host.notify(host.act({ type: 'start', worker: nextWorker(names), mode: chosen }));
  });
  disposer.listen(requeue, 'click', () => host.notify(host.act({ type: 'requeue' })));
  // The worker cards' buttons (in the picture, lab face only); a restart takes the chosen mode.
  disposer.listen(host.root, 'click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    const worker = host.view().workers.find((w) => w.client === button?.dataset['worker']);
    if (!button || !worker) return;
    const chosen: WorkerMode = mode.value === 'BLMOVE' ? 'BLMOVE' : 'BRPOP';
    const action: QueueAction | undefined =
      button.name === 'finish'
        ? { type: 'finish', worker: worker.client, mode: worker.mode }
        : button.name === 'crash-worker'
          ? { type: 'crash', worker: worker.client }
          : button.name === 'restart'
            ? { type: 'start', worker: worker.client, mode: chosen }
            : undefined;
    if (action) host.notify(host.act(action));
  });
  host.element.append(
    h(
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
      ),
    ),
  );
  return {
    reset() {
      task.setError(undefined);
    },
  };
}
