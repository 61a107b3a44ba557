/**
 * The lab: a task + «LPUSH», the mode of a new worker + «+ воркер», and «Вернуть из processing»
 * (the janitor's LMOVE). The task field validates on use and shows its message next to itself;
 * Enter acts like LPUSH and never reaches reveal.js as navigation.
 */
import { h, actionButton } from '../runtime/dom.ts';
import { createField } from '../runtime/field.ts';
import type { KitHost, LabPanel } from '../runtime/kit.ts';
import { inputRows, labelled, onButton, submitOnEnter } from '../runtime/parts.ts';
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
  submitOnEnter(disposer, [task], onPush, push);
  disposer.listen(add, 'click', () => {
    const names = host.view().workers.map((w) => w.client);
    const chosen: WorkerMode = mode.value === 'BLMOVE' ? 'BLMOVE' : 'BRPOP';
    host.notify(host.act({ type: 'start', worker: nextWorker(names), mode: chosen }));
  });
  disposer.listen(requeue, 'click', () => host.notify(host.act({ type: 'requeue' })));
  // The worker cards' buttons (in the picture, lab face only); a restart takes the chosen mode.
  onButton(disposer, host.root, (button) => {
    const worker = host.view().workers.find((w) => w.client === button.dataset['worker']);
    if (!worker) return;
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
    inputRows(
      LQ_CLASS.panel,
      [task.element, push],
      [labelled('Новый воркер берёт', mode), add, requeue],
    ),
  );
  return {
    reset() {
      task.setError(undefined);
    },
  };
}
