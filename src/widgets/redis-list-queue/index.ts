/**
 * Widget `redis-list-queue` (slide 14): the API LPUSHes tasks, workers wait in BRPOP (served
 * first-come first-served) or BLMOVE into a processing list, and crash mid-task — driven by the
 * core's Redis model. show(n) replays the story to step n plus the student's actions from scratch.
 */
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { animateBoard, motionOf } from './animate.ts';
import { captionFor } from './captions.ts';
import { LQ_CLASS } from './classes.ts';
import { listQueueLegend } from './legend.ts';
import { createPanel } from './panel.ts';
import { renderBoard } from './render.ts';
import { LIST_QUEUE_STEPS } from './scenarios.ts';
import { queueView, type QueueView } from './session.ts';
import { MAX_QUEUE, MAX_WORKERS, nextWorker, validateTask, type QueueAction } from './student.ts';
import './redis-list-queue.css';

/** A replay of this many actions stays far below a frame; past it, ask for a reset. */
const MAX_ACTIONS = 300;
const TOO_MANY = 'Слишком много действий подряд — нажмите «Сначала».';

export const redisListQueueWidget: WidgetModule = {
  mount(host) {
    let step = 0;
    let actions: QueueAction[] = [];
    let view: QueueView | undefined;
    let running: Animation[] = [];
    const board = h('div', {
      class: LQ_CLASS.board,
      role: 'group',
      'aria-label': 'API, список email_queue и воркеры',
    });
    const stop = (): void => {
      for (const a of running) a.cancel();
      running = [];
    };
    host.disposer.add(stop);

    const render = (animate: boolean): void => {
      const next = queueView(step, actions);
      view = next;
      const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.['focusKey'];
      renderBoard(board, next);
      if (focusKey) {
        // A worker's buttons change with its state: keep focus on the same card if the key is gone.
        const card = `li[data-worker="${CSS.escape(focusKey.split('/')[0] ?? '')}"] button`;
        const same = `[data-focus-key="${CSS.escape(focusKey)}"]`;
        (board.querySelector<HTMLElement>(same) ?? board.querySelector<HTMLElement>(card))?.focus();
      }
      host.root.dataset['lost'] = String(next.crashes.filter((c) => c.lost).length);
      host.say(captionFor(next, step, actions.length));
      stop();
      if (animate && !host.reducedMotion)
        running = animateBoard(board, motionOf(next), host.speed());
    };

    const apply = (action: QueueAction): string | undefined => {
      if (actions.length >= MAX_ACTIONS) return TOO_MANY;
      actions = [...actions, action];
      render(true);
      return undefined;
    };

    const panel = createPanel(host.disposer, {
      onPush() {
        const value = panel.task.read(validateTask);
        if (value === undefined) return;
        if ((view?.queue.length ?? 0) >= MAX_QUEUE) {
          panel.task.setError(`В очереди уже ${MAX_QUEUE} задач — добавьте воркеров.`);
          return;
        }
        panel.task.setError(apply({ type: 'lpush', value }));
      },
      onAddWorker(mode) {
        const names = view?.workers.map((w) => w.client) ?? [];
        if (names.length >= MAX_WORKERS) {
          return `Не больше ${MAX_WORKERS} воркеров — перезапустите упавшего.`;
        }
        return apply({ type: 'start', worker: nextWorker(names), mode });
      },
      onRequeue() {
        const v = view;
        const oldest = v?.processing.at(-1);
        if (!v || oldest === undefined) return 'В processing пусто — возвращать нечего.';
        const holder = v.workers.find((w) => w.status === 'busy' && w.task === oldest);
        if (holder) {
          return `«${oldest}» ещё в работе у «${holder.label}» — вернуть можно только задачу упавшего.`;
        }
        return apply({ type: 'requeue' });
      },
    });

    host.disposer.listen(board, 'click', (event) => {
      const button = (event.target as HTMLElement).closest('button');
      const worker = view?.workers.find((w) => w.client === button?.dataset['worker']);
      if (!button || !worker) return;
      let error: string | undefined;
      if (button.name === 'finish')
        error = apply({ type: 'finish', worker: worker.client, mode: worker.mode });
      if (button.name === 'crash-worker') error = apply({ type: 'crash', worker: worker.client });
      if (button.name === 'restart') {
        error = apply({
          type: 'start',
          worker: worker.client,
          mode: panel.mode.value === 'BLMOVE' ? 'BLMOVE' : 'BRPOP',
        });
      }
      panel.setNote(error);
    });

    host.root.append(panel.element, board, listQueueLegend());
    return {
      stepCount: LIST_QUEUE_STEPS,
      reset() {
        actions = [];
        panel.task.setError(undefined);
        panel.setNote(undefined);
      },
      show(next, animate) {
        step = next;
        render(animate);
      },
      destroy() {
        stop();
      },
    };
  },
};

export default redisListQueueWidget;
